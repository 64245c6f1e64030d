// tb_ports.h - one way to read and write any Verilator port: narrow ports are
// integers (CData/SData/IData/QData), wide ones VlWide<N> arrays of 32-bit
// words. Bit positions follow ref/slt_arrayif.h.
#ifndef TB_PORTS_H
#define TB_PORTS_H

#include <cstddef>
#include <cstdint>

#include <verilated.h>

extern "C" {
#include "slt_vectors.h"
}

static inline uint64_t tb_mask(int width) { return width >= 64 ? ~0ull : (1ull << width) - 1; }

template <typename T> static inline void tb_put(T &port, int lsb, int width, uint64_t v)
{
    uint64_t cur = port;
    cur &= ~(tb_mask(width) << lsb);
    cur |= (v & tb_mask(width)) << lsb;
    port = (T)cur;
}

template <std::size_t N> static inline void tb_put(VlWide<N> &port, int lsb, int width, uint64_t v)
{
    slt_bits_put(port.data(), lsb, width, v);
}

template <typename T> static inline uint64_t tb_get(const T &port, int lsb, int width)
{
    return ((uint64_t)port >> lsb) & tb_mask(width);
}

template <std::size_t N> static inline uint64_t tb_get(const VlWide<N> &port, int lsb, int width)
{
    return slt_bits_get(port.data(), lsb, width);
}

template <typename T> static inline void tb_clear(T &port) { port = 0; }

template <std::size_t N> static inline void tb_clear(VlWide<N> &port)
{
    for (std::size_t i = 0; i < N; i++) port[i] = 0;
}

// Copy `width` bits from a word vector (slt_vectors_* images) into a port.
template <typename T> static inline void tb_put_words(T &port, const uint32_t *words, int width)
{
    for (int lsb = 0; lsb < width; lsb += 32) tb_put(port, lsb, width - lsb < 32 ? width - lsb : 32, words[lsb / 32]);
}

// Two's complement value of `bits` bits.
static inline int64_t tb_sext(uint64_t v, int bits)
{
    uint64_t sign = 1ull << (bits - 1);
    v &= tb_mask(bits);
    return (int64_t)(v ^ sign) - (int64_t)sign;
}

#endif
