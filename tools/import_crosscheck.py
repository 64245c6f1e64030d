#!/usr/bin/env python3
"""Cross-check `sltref import` against code nobody here wrote (optional; make import-crosscheck).

Writes, with the upstream packages:
  - a GGUF v3 by gguf-py's GGUFWriter with TQ2_0 and TQ1_0 tensors quantised by
    gguf-py's own `quants.quantize` from gamma * W (W random ternary),
  - a safetensors file by `safetensors.numpy.save_file` with a U8 tensor packed
    the way transformers' `pack_weights` packs (re-implemented in numpy here,
    following its source: byte [r][c] bits 2i = W[i*R + r][c] + 1) plus an F16
    `weight_scale`, and an F32 ternary-valued tensor,
then runs `sltref import` on both, unpacks every written tensor with
`sltref unpack` and checks W and gamma. gguf-py's `quants.dequantize` also
checks that the file's values are exactly gamma_fp16 * W.

usage: import_crosscheck.py SLTREF WORKDIR [SEED]
Exit 0 when everything matches; prints one line per check.
"""
import os
import subprocess
import sys

import numpy as np
import gguf
from gguf import quants
from safetensors.numpy import save_file


def run(*args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"crosscheck: {' '.join(args)} failed: {r.stdout}{r.stderr}")
    return r.stdout


def unpack(sltref, path, m, k):
    out = path + ".npy"
    fmt = path.rsplit(".", 1)[1]
    run(sltref, "unpack", "--format", fmt, "--shape", f"{m},{k}", path, out)
    return np.load(out)


def manifest(folder):
    rows = {}
    with open(os.path.join(folder, "manifest.tsv")) as f:
        for line in f:
            if line.startswith("#"):
                continue
            name, file, m, k, fmt, g, ghex, dt = line.rstrip("\n").split("\t")
            rows[name] = (file, int(m), int(k), float.fromhex(ghex), dt)
    return rows


def check(label, ok):
    print(f"crosscheck: {label}: {'ok' if ok else 'MISMATCH'}")
    return ok


def main():
    sltref, work = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = np.random.default_rng(seed)
    os.makedirs(work, exist_ok=True)
    m, k = 64, 512
    w = rng.integers(-1, 2, size=(m, k)).astype(np.int8)
    gamma = np.float32(0.3)  # not an fp16 value: the GGUF gamma comes back as fp16(0.3)
    ok = True

    # ---- GGUF by gguf-py ----------------------------------------------------------
    gpath = os.path.join(work, "x.gguf")
    wr = gguf.GGUFWriter(gpath, "bitnet")
    f = (w.astype(np.float32) * gamma).astype(np.float32)
    for name, qt in (("tq2.weight", gguf.GGMLQuantizationType.TQ2_0), ("tq1.weight", gguf.GGMLQuantizationType.TQ1_0)):
        q = quants.quantize(f, qt)
        deq = quants.dequantize(q, qt).reshape(m, k)
        g16 = np.float32(np.float16(gamma))
        ok &= check(f"gguf-py {qt.name} values are fp16(gamma) * W", np.array_equal(deq, w.astype(np.float32) * g16))
        wr.add_tensor(name, q, raw_dtype=qt)
    wr.write_header_to_file()
    wr.write_kv_data_to_file()
    wr.write_tensors_to_file()
    wr.close()

    # ---- safetensors by safetensors ------------------------------------------------
    r = m // 4
    packed = np.zeros((r, k), dtype=np.uint8)
    for i in range(4):
        packed |= ((w[i * r:(i + 1) * r].astype(np.int16) + 1).astype(np.uint8) << (2 * i))
    spath = os.path.join(work, "x.safetensors")
    save_file({"p.weight": packed, "p.weight_scale": np.array([0.75], dtype=np.float16),
               "f.weight": (w.astype(np.float32) * np.float32(0.3))}, spath)

    for fmt in ("t2", "t5"):
        for src, want in ((gpath, {"tq2.weight": np.float32(np.float16(gamma)), "tq1.weight": np.float32(np.float16(gamma))}),
                          (spath, {"p.weight": np.float32(0.75), "f.weight": np.float32(0.3)})):
            out = os.path.join(work, f"out-{os.path.basename(src)}-{fmt}")
            if os.path.exists(out):
                subprocess.run(["rm", "-rf", out], check=True)
            run(sltref, "import", src, out, "--format", fmt)
            rows = manifest(out)
            for name, g in want.items():
                file, mm, kk, gg, dt = rows[name]
                got = unpack(sltref, os.path.join(out, file), mm, kk)
                ok &= check(f"{os.path.basename(src)} {name} ({dt}) -> {fmt}: W", (mm, kk) == (m, k) and np.array_equal(got, w))
                ok &= check(f"{os.path.basename(src)} {name} ({dt}) -> {fmt}: gamma {gg!r}", gg == float(g))
    print(f"crosscheck: {'all checks passed' if ok else 'FAILED'} (numpy {np.__version__}, seed {seed})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
