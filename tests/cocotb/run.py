"""Build slt_accel with Icarus and run test_slt_accel.py through cocotb's Python runner.

    python tests/cocotb/run.py BUILD_DIR VEC_DIR SEED     (make cocotb-accel does this)
BUILD_DIR is a sltgen output folder (params.mk lists SLT_ACCEL_FILES)."""
import os
import sys

from cocotb_tools.runner import get_results, get_runner


def accel_files(gen_dir):
    """SLT_ACCEL_FILES of params.mk with the make variables it uses resolved."""
    vars_ = {"SLT_DIR": os.path.abspath(gen_dir)}
    with open(os.path.join(gen_dir, "params.mk")) as f:
        for line in f:
            if ":=" in line and not line.startswith("#"):
                k, v = line.split(":=", 1)
                if k.strip() != "SLT_DIR":
                    vars_[k.strip()] = v.strip()

    def expand(v):
        for k in ("SLT_TOP_FILES", "SLT_RTL_FILES", "SLT_DIR"):
            v = v.replace(f"$({k})", vars_.get(k, ""))
        return v

    v = vars_["SLT_ACCEL_FILES"]
    for _ in range(4):
        v = expand(v)
    return v.split()


def main():
    gen_dir, vec, seed = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    here = os.path.dirname(os.path.abspath(__file__))
    runner = get_runner("icarus")
    build = os.path.join(os.path.abspath(gen_dir), "cocotb")
    runner.build(sources=accel_files(gen_dir), includes=[os.path.abspath(gen_dir)], hdl_toplevel="slt_accel",
                 build_dir=build, always=True, build_args=["-g2005"], timescale=("1ns", "1ps"))
    results = runner.test(hdl_toplevel="slt_accel", test_module="test_slt_accel", test_dir=here, build_dir=build,
                          extra_env={"SLT_VEC": vec, "SLT_SEED": seed},
                          results_xml=os.path.join(build, "results.xml"))
    n, failed = get_results(results)
    print(f"cocotb: {n - failed} passed, {failed} failed (seed {seed}, {results})")
    sys.exit(1 if failed or n == 0 else 0)


if __name__ == "__main__":
    main()
