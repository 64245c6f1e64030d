// tb_harness.h - the Verilator harness around tb/slt_tb_top.v for one generated
// configuration: clocking, reset, tracing, failure reporting, and the tests.
#ifndef TB_HARNESS_H
#define TB_HARNESS_H

#include <cstdint>

#include <verilated.h>
#include <verilated_vcd_c.h>

#include "Vslt_tb_top.h"
#include "slt_params.h"
#include "tb_ports.h"

extern "C" {
#include "slt_arrayif.h"
#include "slt_config.h"
#include "slt_gemm.h"
#include "slt_pack.h"
#include "slt_prng.h"
#include "slt_vectors.h"
}

struct Harness {
    VerilatedContext *ctx = nullptr;
    Vslt_tb_top *top = nullptr;
    VerilatedVcdC *vcd = nullptr;
    slt_config cfg;
    uint64_t seed = 1;
    uint64_t cycle = 0;
    long matched = 0;
    const char *test = "setup"; // name of the running test, for failure messages

    // One clock cycle is: set inputs, settle() (clock low, outputs of the
    // previous edge visible), observe, edge() (registers take the inputs).
    void settle();
    void edge();
    void step()
    {
        settle();
        edge();
    }
    void reset();      // all inputs idle, rst_ni low for 3 cycles
    void idle_inputs();
    // Print config, seed, test, cycle and the message; exit non-zero.
    [[noreturn]] void fail(const char *fmt, ...) __attribute__((format(printf, 2, 3)));
};

void tb_test_builder(Harness &h);
void tb_test_lane(Harness &h, int rows);
void tb_test_array(Harness &h, int random_cases);
void tb_test_array_errors(Harness &h);

#endif
