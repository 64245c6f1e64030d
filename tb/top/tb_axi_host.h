// tb_axi_host.h - the testbenches' host on the accelerator top's AXI ports, shared by
// tb/top/tb_top.cpp and tb/decode/tb_decode.cpp: AXI4-Stream beat packing and an
// AXI4-Lite master. A VALID once raised stays until its handshake (AXI4 A3.2.1); with
// gaps, VALIDs rise and READYs are given at random (seeded by the caller's coin()).
//
// The simulation S supplies: `top` (Vtop *), `gaps` (bool), `coin(pct)` (true with
// probability pct %), `step()` (one clock, which also keeps the streams moving) and
// `on_axil_write(addr, data)`, called in the cycle the write's AW and W have both been
// accepted (before B), where the slave acts on it (tb_top times GO -> IRQ from there).
// Transactions return TB_AXIL_OK, or TB_AXIL_TIMEOUT (no handshake in 1000 cycles) or
// TB_AXIL_RESP (a response other than OKAY), with *why naming the channel.
#ifndef TB_AXI_HOST_H
#define TB_AXI_HOST_H

#include <cstdint>
#include <type_traits>
#include <vector>

#include "slt_regs.h"

enum { TB_AXIL_OK = 0, TB_AXIL_TIMEOUT = 1, TB_AXIL_RESP = 2 };
static const long tb_axil_guard = 1000;

// Bytes b (little-endian) onto a stream data port, narrow (integer) or wide (VlWide).
template <typename T> static inline void tb_axis_put(T &port, const std::vector<uint8_t> &b)
{
    if constexpr (std::is_integral<T>::value) {
        uint64_t v = 0;
        for (size_t i = 0; i < b.size() && i < 8; i++) v |= (uint64_t)b[i] << (8 * i);
        port = (T)v;
    } else {
        for (size_t w = 0; w < (b.size() + 3) / 4; w++) {
            uint32_t v = 0;
            for (size_t i = 0; i < 4 && 4 * w + i < b.size(); i++) v |= (uint32_t)b[4 * w + i] << (8 * i);
            port[w] = v;
        }
    }
}

// The bus_bytes bytes of a stream data port appended to out (little-endian).
template <typename T> static inline void tb_axis_get(const T &port, int bus_bytes, std::vector<uint8_t> &out)
{
    if constexpr (std::is_integral<T>::value) {
        for (int i = 0; i < bus_bytes; i++) out.push_back((uint8_t)((uint64_t)port >> (8 * i)));
    } else {
        for (int i = 0; i < bus_bytes; i++) out.push_back((uint8_t)(port[i / 4] >> (8 * (i % 4))));
    }
}

template <typename S> static inline bool tb_axil_rand(S &s, int pct) { return !s.gaps || s.coin(pct); }

template <typename S> static int tb_axil_write(S &s, uint32_t addr, uint32_t data, const char **why)
{
    auto *top = s.top;
    top->s_axil_awaddr_i = addr;
    top->s_axil_wdata_i = data;
    top->s_axil_wstrb_i = 0xF;
    top->s_axil_awprot_i = 0;
    top->s_axil_awvalid_i = top->s_axil_wvalid_i = 0;
    bool aw = false, w = false;
    for (long g = 0; !aw || !w; g++) {
        if (g > tb_axil_guard) { *why = "no AW/W ready"; return TB_AXIL_TIMEOUT; }
        top->s_axil_awvalid_i = !aw && (top->s_axil_awvalid_i || tb_axil_rand(s, 60));
        top->s_axil_wvalid_i = !w && (top->s_axil_wvalid_i || tb_axil_rand(s, 60));
        top->s_axil_bready_i = 0;
        top->clk_i = 0;
        top->eval();
        bool awf = top->s_axil_awvalid_i && top->s_axil_awready_o;
        bool wf = top->s_axil_wvalid_i && top->s_axil_wready_o;
        s.step();
        aw |= awf;
        w |= wf;
    }
    top->s_axil_awvalid_i = top->s_axil_wvalid_i = 0;
    s.on_axil_write(addr, data);
    for (long g = 0;; g++) {
        if (g > tb_axil_guard) { *why = "no B"; return TB_AXIL_TIMEOUT; }
        top->s_axil_bready_i = tb_axil_rand(s, 70);
        top->clk_i = 0;
        top->eval();
        bool bf = top->s_axil_bvalid_o && top->s_axil_bready_i;
        unsigned resp = top->s_axil_bresp_o;
        s.step();
        if (bf) {
            top->s_axil_bready_i = 0;
            if (resp != SLT_AXI_RESP_OKAY) { *why = "B response not OKAY"; return TB_AXIL_RESP; }
            return TB_AXIL_OK;
        }
    }
}

template <typename S> static int tb_axil_read(S &s, uint32_t addr, uint32_t *v, const char **why)
{
    auto *top = s.top;
    top->s_axil_araddr_i = addr;
    top->s_axil_arprot_i = 0;
    top->s_axil_arvalid_i = 0;
    for (long g = 0;; g++) {
        if (g > tb_axil_guard) { *why = "no AR ready"; return TB_AXIL_TIMEOUT; }
        top->s_axil_arvalid_i = top->s_axil_arvalid_i || tb_axil_rand(s, 60);
        top->s_axil_rready_i = 0;
        top->clk_i = 0;
        top->eval();
        bool f = top->s_axil_arvalid_i && top->s_axil_arready_o;
        s.step();
        if (f) break;
    }
    top->s_axil_arvalid_i = 0;
    for (long g = 0;; g++) {
        if (g > tb_axil_guard) { *why = "no R"; return TB_AXIL_TIMEOUT; }
        top->s_axil_rready_i = tb_axil_rand(s, 70);
        top->clk_i = 0;
        top->eval();
        bool f = top->s_axil_rvalid_o && top->s_axil_rready_i;
        uint32_t data = top->s_axil_rdata_o;
        unsigned resp = top->s_axil_rresp_o;
        s.step();
        if (f) {
            top->s_axil_rready_i = 0;
            *v = data;
            if (resp != SLT_AXI_RESP_OKAY) { *why = "R response not OKAY"; return TB_AXIL_RESP; }
            return TB_AXIL_OK;
        }
    }
}

#endif
