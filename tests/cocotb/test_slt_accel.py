"""cocotb + cocotbext-axi test of the integration wrapper slt_accel (optional tooling:
`make cocotb-accel CFG=tiny`, docs/top.md "Integration wrapper").

The buses are found by cocotbext-axi's from_prefix() on the wrapper's conventional port
names (s_axil_*, s_axis_*, m_axis_*, aclk, aresetn): that is what this test shows. It
replays the transaction vectors of tb/top/top_vecgen.c (golden model results, the same
files as the Icarus replay t-top-icarus) with random back-pressure on both streams, and
compares every output beat bit for bit. Environment: SLT_VEC (vector folder), SLT_SEED."""
import os
import random

import cocotb
from cocotb.clock import Clock
from cocotb.triggers import ClockCycles, RisingEdge, with_timeout
from cocotbext.axi import (AxiLiteBus, AxiLiteMaster, AxiStreamBus, AxiStreamFrame,
                           AxiStreamSink, AxiStreamSource)


def read_beats(path, bus_bytes):
    """'last data' lines -> frames of bytes (byte j of a beat = data[8j+7:8j])."""
    frames, cur = [], bytearray()
    with open(path) as f:
        for line in f:
            last, data = line.split()
            cur += int(data, 16).to_bytes(bus_bytes, "little")
            if last == "1":
                frames.append(bytes(cur))
                cur = bytearray()
    if cur:
        raise ValueError(f"{path}: beats after the last TLAST")
    return frames


def pauses(rng):
    while True:
        yield rng.random() < 0.3


@cocotb.test()
async def replay_vectors(dut):
    vec = os.environ["SLT_VEC"]
    seed = int(os.environ.get("SLT_SEED", "1"))
    rng = random.Random(seed)
    bus_bytes = len(dut.s_axis_tdata) // 8
    cocotb.start_soon(Clock(dut.aclk, 10, unit="ns").start())

    axil = AxiLiteMaster(AxiLiteBus.from_prefix(dut, "s_axil"), dut.aclk, dut.aresetn, reset_active_level=False)
    src = AxiStreamSource(AxiStreamBus.from_prefix(dut, "s_axis"), dut.aclk, dut.aresetn, reset_active_level=False)
    sink = AxiStreamSink(AxiStreamBus.from_prefix(dut, "m_axis"), dut.aclk, dut.aresetn, reset_active_level=False)
    src.set_pause_generator(pauses(random.Random(seed + 1)))
    sink.set_pause_generator(pauses(random.Random(seed + 2)))

    dut.aresetn.value = 0
    await ClockCycles(dut.aclk, 5)
    dut.aresetn.value = 1
    await ClockCycles(dut.aclk, 2)

    for frame in read_beats(os.path.join(vec, "in.txt"), bus_bytes):
        await src.send(AxiStreamFrame(frame))
    want = read_beats(os.path.join(vec, "out.txt"), bus_bytes)

    ops = 0
    with open(os.path.join(vec, "axil.txt")) as f:
        for line in f:
            op, addr, a, b = line.split()
            addr, a, b = int(addr, 16), int(a, 16), int(b, 16)
            if op == "W":
                await axil.write_dword(addr, a)
            elif op == "R":
                got = await axil.read_dword(addr)
                assert got & b == a, f"seed {seed}: read 0x{addr:03x} = 0x{got:08x}, want 0x{a:08x} under mask 0x{b:08x}"
            elif op == "P":
                for _ in range(20000):
                    if (await axil.read_dword(addr)) & a == b:
                        break
                else:
                    raise AssertionError(f"seed {seed}: poll of 0x{addr:03x} timed out")
            else:
                raise ValueError(f"axil.txt: unknown operation {op}")
            ops += 1
            if rng.random() < 0.1:
                await ClockCycles(dut.aclk, rng.randrange(1, 4))

    beats = 0
    for i, w in enumerate(want):
        got = await with_timeout(sink.recv(), 100, "us")
        assert bytes(got.tdata) == w, f"seed {seed}: output packet {i} differs from the golden model"
        beats += len(w) // bus_bytes
    await RisingEdge(dut.aclk)
    assert sink.empty(), f"seed {seed}: extra output packets"
    dut._log.info("PASS %d AXI4-Lite operations, %d output packets (%d beats) matched", ops, len(want), beats)
