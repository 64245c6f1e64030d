#!/usr/bin/env python3
"""bitnet_probe.py - compare, integer by integer, the int8 activations transformers' BitNet
feeds its ternary linears with those `sltref generate --dump-acts` wrote (docs/decode.md
"Parity"). Optional tooling (torch, transformers): not used by make test.

  sltref generate DIR --prompt-ids 1,2,3 --n 8 --dump-acts acts.txt
  python3 tools/bitnet_probe.py DIR acts.txt

Replays prompt + generated tokens through transformers (float32, one position at a time
with its KV cache, as generate() does after the prompt), hooks the input of every
q_proj / o_proj / gate_proj / down_proj, quantises it exactly as transformers' ActQuant /
BitLinear.activation_quant (s = 127 / max|x| clamped at 1e-5, round half to even, clamp)
and checks that the compiled ActQuant gives the same fake-quantised values. Prints, per
site, how many scales and int8 values differ from the C decoder's.
"""
import sys

import numpy as np
import torch


def load_dump(path):
    d = {}
    with open(path) as f:
        for line in f:
            p = line.split()
            d[(int(p[0]), int(p[1]), p[2])] = (float.fromhex(p[3]), [int(v) for v in p[4:]])
    return d


def main():
    mdir, dump_path = sys.argv[1], sys.argv[2]
    from transformers import BitNetForCausalLM
    from transformers.integrations.bitnet import ActQuant
    torch.set_num_threads(1)
    model = BitNetForCausalLM.from_pretrained(mdir, dtype=torch.float32)
    for t in list(model.parameters()) + list(model.buffers()):
        if t.dtype.is_floating_point:
            t.data = t.data.float()
    model.eval()
    dump = load_dump(dump_path)
    positions = sorted({k[0] for k in dump})
    with open(mdir + "/expected.txt") as f:
        kv = dict(line.strip().split(" ", 1) for line in f if " " in line)
    seq = [int(x) for x in kv["prompt"].split(",")] + [int(x) for x in kv["tokens"].split(",")]
    got = {}
    state = {"pos": 0}
    compiled_mismatch = [0]
    order = {"pub": 0, "exact": 0, "n": 0}

    def hook(layer, site):
        def fn(mod, args):
            x = args[0].detach().float().reshape(-1, args[0].shape[-1])
            s = 127 / x.abs().max(dim=-1, keepdim=True).values.clamp(min=1e-5)
            q = (x * s).round().clamp(-128, 127)
            if type(mod).__name__ == "AutoBitLinear":
                fq = ActQuant.apply(x)
                compiled_mismatch[0] += int((fq != q / s).sum())
            else:  # BitLinear: its own (compiled) activation_quant
                cq, cs = mod.activation_quant(x)
                compiled_mismatch[0] += int((cq.float() != q).sum()) + int((cs != s).sum())
            got[(state["pos"], layer, site)] = (float(s[0, 0]), q[0].to(torch.int64).tolist())
            # which float32 evaluation of 127 / amax did torch do? reciprocal then multiply
            # (the published order slt_quant_act follows) or one correctly rounded division
            amax = x.abs().max(dim=-1).values.clamp(min=1e-5)[0].numpy().astype(np.float32)
            pub = np.float32(127) * (np.float32(1) / amax)
            exact = np.float32(127) / amax
            order["pub"] += int(pub == np.float32(s[0, 0]))
            order["exact"] += int(exact == np.float32(s[0, 0]))
            order["n"] += 1
        return fn

    for l, layer in enumerate(model.model.layers):
        layer.self_attn.q_proj.register_forward_pre_hook(hook(l, "qkv"))
        layer.self_attn.o_proj.register_forward_pre_hook(hook(l, "o"))
        layer.mlp.gate_proj.register_forward_pre_hook(hook(l, "gate_up"))
        layer.mlp.down_proj.register_forward_pre_hook(hook(l, "down"))
    past = None
    with torch.no_grad():
        for p in positions:
            state["pos"] = p
            out = model(torch.tensor([[seq[p]]]), past_key_values=past, use_cache=True)
            past = out.past_key_values
    n_vec = n_el = d_el = d_scale = 0
    first = None
    for key, (s_c, q_c) in sorted(dump.items()):
        s_t, q_t = got[key]
        n_vec += 1
        n_el += len(q_c)
        diff = sum(a != b for a, b in zip(q_c, q_t))
        d_el += diff
        if s_c != s_t:
            d_scale += 1
        if (diff or s_c != s_t) and first is None:
            first = (key, s_c, s_t, diff)
    print(f"{mdir}: {n_vec} activation vectors, {n_el} int8 values: {d_el} values and {d_scale} scales differ "
          f"from transformers' (compiled ActQuant vs eager formula: {compiled_mismatch[0]} values differ)")
    print(f"  torch's scale = 127*(1/amax) (reciprocal, multiply) in {order['pub']} of {order['n']} vectors, "
          f"= 127/amax (one division) in {order['exact']}")
    if first:
        print(f"  first difference at (pos, layer, site) {first[0]}: scale C {first[1]!r} torch {first[2]!r}, "
              f"{first[3]} int8 values")


if __name__ == "__main__":
    main()
