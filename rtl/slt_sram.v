// slt_sram - the one SRAM abstraction every buffer (wbuf, abuf, obuf) is built from.
//
// One synchronous write port and one synchronous read port on the same clock
// (simple dual port, "1R1W"). A single-port (1RW) user ties both addresses to
// one address bus and never asserts re_i and we_i in the same cycle.
//
//   write: we_i = 1 at a rising edge writes wdata_i to mem[waddr_i].
//   read:  re_i = 1 at a rising edge loads mem[raddr_i] into rdata_o, valid
//          from that edge on (read latency 1). With re_i = 0, rdata_o holds its
//          last value (the read-clock-enable of SRAM macros and FPGA BRAMs).
//   read-during-write to the SAME address in the same cycle: UNDEFINED. The
//          behavioural model returns all-X (so a 4-state simulator exposes a
//          controller that depends on it); hardware may return old or new data.
//          Reads and writes to different addresses in one cycle are always fine.
//   reset: none. The array and rdata_o power up undefined (X in Icarus).
//   addresses >= Depth (Depth not a power of two): not allowed; the behavioural
//          model prints an error and stops the simulation.
//
// Two implementations, one port list:
//   default                behavioural array. Written so that Yosys infers block
//                          RAM: synth_ice40 maps a 512x8 instance to exactly one
//                          SB_RAM40_4K and nothing else (tested by make t-prims-ice40).
//   SLT_SRAM_BLACKBOX      (a `define) instantiates slt_sram_macro (rtl/slt_sram_macro.v),
//                          an empty (* blackbox *) module with the same ports, for ASIC
//                          synthesis; its area/energy come from gen/sram_model.c.
//
// Simulation access counters (behavioural model, not under SYNTHESIS): sim_reads_q and
// sim_writes_q count read and write enables; testbenches read them hierarchically,
// e.g. u_wbuf.sim_reads_q, to check the controllers' counters and feed the energy model.
module slt_sram #(
  parameter integer Depth     = 1024,  // words, >= 2, any value (need not be a power of two)
  parameter integer Width     = 32,    // bits per word, >= 1
  // Derived: address width. Do not override (checked).
  parameter integer AddrWidth = (Depth > 1) ? $clog2(Depth) : 1
) (
  input  wire                 clk_i,
  // write port
  input  wire                 we_i,
  input  wire [AddrWidth-1:0] waddr_i,
  input  wire [Width-1:0]     wdata_i,
  // read port
  input  wire                 re_i,
  input  wire [AddrWidth-1:0] raddr_i,
  output wire [Width-1:0]     rdata_o
);

  // ---- parameter legality: an illegal value instantiates a module that does not exist,
  // which stops elaboration in Verilator, Icarus and Yosys alike, naming the rule.
  generate
    if (Depth < 2) begin : g_illegal_depth
      slt_sram_illegal_parameter_Depth_must_be_at_least_2 u_illegal ();
    end
    if (Width < 1) begin : g_illegal_width
      slt_sram_illegal_parameter_Width_must_be_at_least_1 u_illegal ();
    end
    if (AddrWidth != ((Depth > 1) ? $clog2(Depth) : 1)) begin : g_illegal_addr_width
      slt_sram_illegal_parameter_AddrWidth_is_derived_do_not_override u_illegal ();
    end
  endgenerate

`ifdef SLT_SRAM_BLACKBOX

  slt_sram_macro #(
    .Depth     (Depth),
    .Width     (Width),
    .AddrWidth (AddrWidth)
  ) u_macro (
    .clk_i   (clk_i),
    .we_i    (we_i),
    .waddr_i (waddr_i),
    .wdata_i (wdata_i),
    .re_i    (re_i),
    .raddr_i (raddr_i),
    .rdata_o (rdata_o)
  );

`else

  reg [Width-1:0] mem_q [0:Depth-1];
  reg [Width-1:0] rdata_q;

  // One process for both ports: this is the form Yosys maps to block RAM with an
  // undefined (don't-care) read-during-write collision, so no bypass logic is added.
  always @(posedge clk_i) begin
    if (we_i) begin
      mem_q[waddr_i] <= wdata_i;
    end
    if (re_i) begin
      if (we_i && (waddr_i == raddr_i)) begin
        rdata_q <= {Width{1'bx}};
      end else begin
        rdata_q <= mem_q[raddr_i];
      end
    end
  end

  assign rdata_o = rdata_q;

`ifndef SYNTHESIS
  // ---- simulation only: access counters and out-of-range checks -------------------
  /* verilator lint_off UNUSEDSIGNAL */
  reg [63:0] sim_reads_q;
  reg [63:0] sim_writes_q;
  /* verilator lint_on UNUSEDSIGNAL */
  initial begin
    sim_reads_q  = 64'd0;
    sim_writes_q = 64'd0;
  end
  always @(posedge clk_i) begin
    if (re_i === 1'b1) sim_reads_q <= sim_reads_q + 64'd1;
    if (we_i === 1'b1) sim_writes_q <= sim_writes_q + 64'd1;
  end
  // Addresses past the end exist only when Depth is not a power of two.
  generate
    if (Depth != (1 << AddrWidth)) begin : g_range_check
      wire [31:0] raddr_ext = {{(32 - AddrWidth){1'b0}}, raddr_i};
      wire [31:0] waddr_ext = {{(32 - AddrWidth){1'b0}}, waddr_i};
      always @(posedge clk_i) begin
        if (re_i === 1'b1 && raddr_ext >= Depth) begin
          $display("ERROR: slt_sram %m: read address %0d >= Depth %0d at time %0t", raddr_i, Depth, $time);
          $finish;
        end
        if (we_i === 1'b1 && waddr_ext >= Depth) begin
          $display("ERROR: slt_sram %m: write address %0d >= Depth %0d at time %0t", waddr_i, Depth, $time);
          $finish;
        end
      end
    end
  endgenerate
`endif

`endif

endmodule
