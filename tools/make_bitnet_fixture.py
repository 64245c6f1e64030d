#!/usr/bin/env python3
"""make_bitnet_fixture.py - a tiny random-weights BitNet b1.58 checkpoint written by
transformers' own BitNet classes, stored the way microsoft/bitnet-b1.58-2B-4T is stored
(config.json with quantization_config bitnet/autobitlinear/offline; model.safetensors with
BF16 embeddings and norms, U8 [out/4, in] packed ternary weights from transformers'
pack_weights and a BF16 weight_scale per linear), GGUF copies written by gguf-py (TQ2_0
and TQ1_0, llama.cpp's `bitnet` arch names), and transformers' greedy tokens in float32.

Optional tooling (docs/decode.md): `make fixtures` runs it; `make test` only reads what it
wrote (committed under tests/fixtures/bitnet/). Needs torch (CPU), transformers,
accelerate, safetensors, gguf, numpy (scripts/requirements-fixtures.txt).

The weights are random: nn.Linear masters ~ N(0, std), quantised with the published
order (s = 1 / max(mean|W|, 1e-5); T = clamp(round(W * s), -1, 1); weight_scale =
bf16(mean|W|) as in the release, a multiplier for AutoBitLinear). transformers then
LOADS the saved directory itself (from_pretrained, float32) and generates greedily;
those tokens are the expected ones. Random models have small logit margins, so the
script tries seeds from --seed upwards until every generated token's top-2 logit
margin is at least --min-margin, and records the seed and margins it used.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

LINEARS = ["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
           "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"]
GGUF_NAMES = {"self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k", "self_attn.v_proj": "attn_v",
              "self_attn.o_proj": "attn_output", "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up",
              "mlp.down_proj": "ffn_down"}


def build_state(model, args, gen):
    """Random masters -> (state dict as stored, per-linear (T int8, scale f32))."""
    from transformers.integrations.bitnet import pack_weights
    sd, tern = {}, {}
    for name, p in model.state_dict().items():
        sd[name] = p.detach().clone()
    h = args.hidden
    sd["model.embed_tokens.weight"] = torch.randn(args.vocab, h, generator=gen) * args.embed_std
    if not args.tied:
        sd["lm_head.weight"] = torch.randn(args.vocab, h, generator=gen) * args.embed_std
    else:
        sd.pop("lm_head.weight", None)
    for name in list(sd):
        if name.endswith("norm.weight"):
            sd[name] = 1.0 + args.norm_jitter * torch.randn(sd[name].shape, generator=gen)
    for l in range(args.layers):
        for lin in LINEARS:
            key = f"model.layers.{l}.{lin}.weight"
            out_f, in_f = sd[key].shape
            # a different master std per linear (std * spread^u, u in [-1, 1]) so that
            # multiplying and dividing by weight_scale give different models (and tokens)
            u = float(torch.rand(1, generator=gen)) * 2.0 - 1.0
            w = torch.randn(out_f, in_f, generator=gen) * (args.std * args.std_spread ** u)
            # published op order: reciprocal, then multiply, round half to even, clamp
            s = 1.0 / w.abs().mean().clamp(min=1e-5)
            t = (w * s).round().clamp(-1, 1)
            gamma = w.abs().mean().clamp(min=1e-5)
            # AutoBitLinear multiplies by weight_scale (= gamma, as the 2B-4T release stores it);
            # BitLinear divides by it (weight_scale = 1/gamma, the HF1BitLLM convention)
            scale = (gamma if args.linear_class == "autobitlinear" else 1.0 / gamma).to(torch.bfloat16)
            sd[key] = pack_weights(t.clone().to(torch.int8))
            sd[f"model.layers.{l}.{lin}.weight_scale"] = scale.reshape(1)
            tern[(l, lin)] = (t.to(torch.int8).numpy(), float(scale.float()))
    for name in list(sd):
        if sd[name].dtype.is_floating_point and not name.endswith("weight_scale"):
            sd[name] = sd[name].to(torch.bfloat16)
    return sd, tern


def make_config(args):
    from transformers import BitNetConfig
    cfg = BitNetConfig(vocab_size=args.vocab, hidden_size=args.hidden, intermediate_size=args.inter,
                       num_hidden_layers=args.layers, num_attention_heads=args.heads,
                       num_key_value_heads=args.kv_heads, hidden_act="relu2", max_position_embeddings=args.ctx,
                       rms_norm_eps=1e-5, rope_theta=500000.0, tie_word_embeddings=args.tied,
                       bos_token_id=None, eos_token_id=None, pad_token_id=None)
    cfg.architectures = ["BitNetForCausalLM"]
    return cfg


def save_checkpoint(args, cfg, sd, outdir):
    from transformers import BitNetForCausalLM
    model = BitNetForCausalLM(cfg)
    cfg.quantization_config = {"quant_method": "bitnet", "linear_class": args.linear_class,
                               "quantization_mode": "offline"}
    model.config.quantization_config = cfg.quantization_config
    model.config.dtype = torch.bfloat16
    model.save_pretrained(outdir, state_dict=dict(sd), safe_serialization=True)


def greedy(outdir, prompt, n):
    from transformers import BitNetForCausalLM
    model = BitNetForCausalLM.from_pretrained(outdir, dtype=torch.float32)
    # transformers 5 keeps the checkpoint's BF16 for embeddings and norms: make every
    # tensor float32 (BF16 -> F32 is exact), the precision the tokens are recorded in
    for t in list(model.parameters()) + list(model.buffers()):
        if t.dtype.is_floating_point:
            t.data = t.data.float()
    model.eval()
    kinds = sorted({type(m).__name__ for m in model.modules() if "BitLinear" in type(m).__name__})
    with torch.no_grad():
        out = model.generate(torch.tensor([prompt]), max_new_tokens=n, min_new_tokens=n, do_sample=False,
                             output_scores=True, return_dict_in_generate=True, pad_token_id=0)
    toks = out.sequences[0, len(prompt):].tolist()
    margins = []
    for sc in out.scores:
        top = torch.topk(sc[0].float(), 2).values
        margins.append(float(top[0] - top[1]))
    return toks, margins, kinds


def write_gguf(path, args, sd, tern, qtype_name):
    import gguf
    qtype = getattr(gguf.GGMLQuantizationType, qtype_name)
    w = gguf.GGUFWriter(path, "bitnet")
    w.add_name("slt-bitnet-fixture")
    w.add_context_length(args.ctx)
    w.add_embedding_length(args.hidden)
    w.add_block_count(args.layers)
    w.add_feed_forward_length(args.inter)
    w.add_head_count(args.heads)
    w.add_head_count_kv(args.kv_heads)
    w.add_rope_freq_base(500000.0)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_dimension_count(args.hidden // args.heads)
    w.add_vocab_size(args.vocab)
    w.add_file_type(37 if qtype_name == "TQ2_0" else 36)
    w.add_quantization_version(2)

    def bf16(name):  # stored BF16 (exact copy of the safetensors values)
        a = sd[name].float().numpy()
        return gguf.quants.quantize(a, gguf.GGMLQuantizationType.BF16)

    def put(gname, hfname):
        w.add_tensor(gname, bf16(hfname), raw_dtype=gguf.GGMLQuantizationType.BF16)

    put("token_embd.weight", "model.embed_tokens.weight")
    put("output_norm.weight", "model.norm.weight")
    if not args.tied:
        put("output.weight", "lm_head.weight")
    for l in range(args.layers):
        p = f"model.layers.{l}."
        put(f"blk.{l}.attn_norm.weight", p + "input_layernorm.weight")
        put(f"blk.{l}.ffn_norm.weight", p + "post_attention_layernorm.weight")
        put(f"blk.{l}.attn_sub_norm.weight", p + "self_attn.attn_sub_norm.weight")
        put(f"blk.{l}.ffn_sub_norm.weight", p + "mlp.ffn_sub_norm.weight")
        for lin in LINEARS:
            t, scale = tern[(l, lin)]
            data = t.astype(np.float32) * np.float32(scale)  # what llama.cpp's converter dequantises to
            q = gguf.quants.quantize(data, qtype)
            w.add_tensor(f"blk.{l}.{GGUF_NAMES[lin]}.weight", q, raw_dtype=qtype)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--inter", type=int, default=256)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--kv-heads", type=int, default=1)
    ap.add_argument("--vocab", type=int, default=64)
    ap.add_argument("--ctx", type=int, default=64)
    ap.add_argument("--untied", dest="tied", action="store_false")
    ap.add_argument("--linear-class", default="autobitlinear", choices=["autobitlinear", "bitlinear"])
    ap.add_argument("--std", type=float, default=1.0)
    ap.add_argument("--std-spread", type=float, default=4.0)
    ap.add_argument("--embed-std", type=float, default=0.5)
    ap.add_argument("--norm-jitter", type=float, default=0.2)
    ap.add_argument("--prompt", default="1,2,3,4")
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tries", type=int, default=50)
    ap.add_argument("--min-margin", type=float, default=0.1)
    ap.add_argument("--gguf", action="store_true", help="also write TQ2_0 and TQ1_0 GGUF copies")
    args = ap.parse_args()
    if args.gguf and args.linear_class != "autobitlinear":
        sys.exit("--gguf: GGUF blocks carry a multiplier; use --linear-class autobitlinear")
    torch.set_num_threads(1)
    prompt = [int(x) for x in args.prompt.split(",")]
    os.makedirs(args.out, exist_ok=True)
    import transformers
    for seed in range(args.seed, args.seed + args.tries):
        gen = torch.Generator().manual_seed(seed)
        torch.manual_seed(seed)
        cfg = make_config(args)
        from transformers import BitNetForCausalLM
        sd, tern = build_state(BitNetForCausalLM(cfg), args, gen)
        save_checkpoint(args, cfg, sd, args.out)
        toks, margins, kinds = greedy(args.out, prompt, args.n)
        print(f"seed {seed}: tokens {toks} min margin {min(margins):.4f} ({kinds})", file=sys.stderr)
        if min(margins) >= args.min_margin:
            break
    else:
        sys.exit(f"no seed in {args.seed}..{args.seed + args.tries - 1} gives margins >= {args.min_margin}")
    files = ["config.json", "model.safetensors"]
    if args.gguf:
        for q in ("TQ2_0", "TQ1_0"):
            write_gguf(os.path.join(args.out, f"model-{q.lower()}.gguf"), args, sd, tern, q)
            files.append(f"model-{q.lower()}.gguf")
    for extra in ("generation_config.json",):
        p = os.path.join(args.out, extra)
        if os.path.exists(p):
            os.remove(p)
    import gguf as gguf_mod
    import safetensors
    meta = {"prompt": prompt, "tokens": toks, "margins": margins, "seed": seed, "linear_modules": kinds,
            "dtype": "float32", "args": {k: v for k, v in vars(args).items() if k != "out"}, "files": files,
            "versions": {"torch": torch.__version__, "transformers": transformers.__version__,
                         "safetensors": safetensors.__version__,
                         "gguf": getattr(gguf_mod, "__version__", "0.19.0"), "numpy": np.__version__}}
    with open(os.path.join(args.out, "expected.json"), "w") as f:
        json.dump(meta, f, indent=1)
    with open(os.path.join(args.out, "expected.txt"), "w") as f:
        f.write(f"prompt {','.join(map(str, prompt))}\n")
        f.write(f"tokens {','.join(map(str, toks))}\n")
    print(f"{args.out}: prompt {prompt} -> {toks} (seed {seed}, min margin {min(margins):.4f})")


if __name__ == "__main__":
    main()
