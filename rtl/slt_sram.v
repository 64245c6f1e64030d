// slt_sram - the one SRAM abstraction every buffer (wbuf, abuf, obuf) is built from.
//
// One synchronous write port and one synchronous read port on the same clock
// (simple dual port, "1R1W"). A single-port (1RW) user ties both addresses to
// one address bus and never asserts re_i and we_i in the same cycle.
//
//   write: we_i = 1 at a rising edge writes wdata_i to mem[waddr_i].
//   read:  re_i = 1 at a rising edge reads mem[raddr_i]; rdata_o carries it
//          ReadLatency edges later (ReadLatency 1: from that edge on). Until the
//          next read's data arrives, rdata_o holds its last value (the read-clock-
//          enable of SRAM macros and FPGA BRAMs, and enabled output registers).
//          With one bank, stage 1 is the macro and stages 2.. are registers after
//          it; with Banks > 1 (needs ReadLatency >= 3), stage 1 registers the read
//          enable and word per bank (so a register drives each macro's inputs),
//          stage 2 is the macro, stage 3 one register per bank before the
//          bank-select mux, stages 4.. registers after the mux. So the macro's
//          clk -> dout ends at a register and the mux is timed from flops
//          (docs/memory.md "Banking and read latency").
//   write: WriteLatency - 1 register stages on we_i/waddr_i/wdata_i, then the write:
//          one bank, all stages shared; banked (black box), the last stage is one
//          register per bank (each drives one macro's pins) and the earlier ones are
//          shared (so the bank decode starts from a register). A read sees a write once
//          it has landed.
//   banks: Banks macros of BankDepth words (bank b holds words b*BankDepth ..; the
//          last bank holds Depth - (Banks-1)*BankDepth);
//          the generator passes both from the SRAM model (gen/sram_model.c
//          slt_sram_banking). Under SLT_SRAM_BLACKBOX each bank is one slt_sram_macro;
//          the behavioural model is one array with the same read latency.
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
  parameter integer Banks     = 1,     // macros (SRAM model banking), >= 1
  parameter integer BankDepth = Depth, // words per bank
  parameter integer ReadLatency = 1,   // cycles from re_i to rdata_o, >= 1 (>= 3 when Banks > 1)
  parameter integer WriteLatency = 1,  // 1: we_i writes at its edge; 2, 3: 1, 2 edges later (registered)
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
    if (ReadLatency < 1 || (Banks > 1 && ReadLatency < 3)) begin : g_illegal_latency
      slt_sram_illegal_parameter_ReadLatency_at_least_1_and_3_with_banks u_illegal ();
    end
    if (WriteLatency < 1 || WriteLatency > 3) begin : g_illegal_wlat
      slt_sram_illegal_parameter_WriteLatency_must_be_1_to_3 u_illegal ();
    end
    if (Banks < 1 || (Banks > 1 && (BankDepth < 2 ||
        (Banks - 1) * BankDepth >= Depth || Banks * BankDepth < Depth))) begin : g_illegal_banks
      slt_sram_illegal_parameter_Banks_BankDepth_do_not_cover_Depth u_illegal ();
    end
  endgenerate

  // ---- read-enable pipe: re_q[j] is re_i delayed by j+1 cycles (loads of the output stages)
  localparam integer RL = (ReadLatency > 1) ? ReadLatency : 1;
  /* verilator lint_off UNUSEDSIGNAL */
  reg  [RL-1:0]    re_q;    // the last stage's bit is unused
  /* verilator lint_on UNUSEDSIGNAL */
  wire [Width-1:0] first;   // data of the last read after stage Stage1 (macro, or per-bank register + mux)
  generate
    if (RL == 1) begin : g_re1
      always @(posedge clk_i) re_q <= re_i;
    end else begin : g_ren
      always @(posedge clk_i) re_q <= {re_q[RL-2:0], re_i};
    end
  endgenerate

  // ---- write port as the memory sees it: WShared register stages shared by all banks,
  // then the memory (one bank, behavioural)
  // or the per-bank write registers (banked macros: one more stage)
`ifdef SLT_SRAM_BLACKBOX
  localparam integer WShared0 = (Banks > 1) ? WriteLatency - 2 : WriteLatency - 1;
`else
  localparam integer WShared0 = WriteLatency - 1;
`endif
  localparam integer WShared = (WShared0 > 0) ? WShared0 : 0;
  wire [WShared:0]                 we_c;
  wire [(WShared+1)*AddrWidth-1:0] wa_c;
  wire [(WShared+1)*Width-1:0]     wd_c;
  assign we_c[0] = we_i;
  assign wa_c[0 +: AddrWidth] = waddr_i;
  assign wd_c[0 +: Width] = wdata_i;
  genvar gw;
  generate
    for (gw = 1; gw <= WShared; gw = gw + 1) begin : g_wstage
      reg                 we_q;
      reg [AddrWidth-1:0] wa_q;
      reg [Width-1:0]     wd_q;
      // no load enable on word and data: the controller's write data arrives late in the
      // cycle (slim: 4.66 ns), so no enable multiplexer sits in front of these registers
      always @(posedge clk_i) begin
        we_q <= we_c[gw-1];
        wa_q <= wa_c[(gw-1)*AddrWidth +: AddrWidth];
        wd_q <= wd_c[(gw-1)*Width +: Width];
      end
      assign we_c[gw] = we_q;
      assign wa_c[gw*AddrWidth +: AddrWidth] = wa_q;
      assign wd_c[gw*Width +: Width] = wd_q;
    end
  endgenerate
  wire                 mwe = we_c[WShared];
  wire [AddrWidth-1:0] mwa = wa_c[WShared*AddrWidth +: AddrWidth];
  wire [Width-1:0]     mwd = wd_c[WShared*Width +: Width];

`ifdef SLT_SRAM_BLACKBOX

  localparam integer Stage1 = (Banks > 1) ? 3 : 1;
  generate
    if (Banks == 1) begin : g_one
      slt_sram_macro #(
        .Depth     (Depth),
        .Width     (Width),
        .AddrWidth (AddrWidth)
      ) u_macro (
        .clk_i   (clk_i),
        .we_i    (mwe),
        .waddr_i (mwa),
        .wdata_i (mwd),
        .re_i    (re_i),
        .raddr_i (raddr_i),
        .rdata_o (first)
      );
    end else begin : g_banks
      // bank b holds words b*BankDepth ..: a constant compare selects it and a constant
      // subtraction gives its word (both simplify to bit selects for a power-of-two BankDepth)
      wire [31:0]       ra = {{(32 - AddrWidth){1'b0}}, raddr_i};
      wire [31:0]       wa = {{(32 - AddrWidth){1'b0}}, mwa};
      wire [Banks-1:0]  rhit, whit;
      reg  [Banks-1:0]  rsel_q, rsel2_q, msel_q;   // one-hot bank of the read at stages 1, 2, the mux
      reg  [Banks*Width-1:0] bank_q;               // per-bank output registers (stage 3)
      reg  [Width-1:0]  mux;
      always @(posedge clk_i) begin
        if (re_i) rsel_q <= rhit;
        if (re_q[0]) rsel2_q <= rsel_q;
        if (re_q[1]) msel_q <= rsel2_q;
      end
      genvar gb;
      for (gb = 0; gb < Banks; gb = gb + 1) begin : g_bank
        localparam integer Base = gb * BankDepth;
        localparam integer BD   = (gb == Banks - 1) ? Depth - (Banks - 1) * BankDepth : BankDepth;
        localparam integer BA   = (BD > 1) ? $clog2(BD) : 1;
        /* verilator lint_off UNUSEDSIGNAL */
        wire [31:0] roff = ra - Base;
        wire [31:0] woff = wa - Base;
        /* verilator lint_on UNUSEDSIGNAL */
        wire [Width-1:0] dout;
        reg              re_b_q;
        reg [BA-1:0]     ra_b_q;
        wire             bwe;
        wire [BA-1:0]    bwa;
        wire [Width-1:0] bwd;
        if (gb == 0) begin : g_lo
          assign rhit[gb] = (ra < BD);
          assign whit[gb] = (wa < BD);
        end else begin : g_hi
          assign rhit[gb] = (ra >= Base) && (ra < Base + BD);
          assign whit[gb] = (wa >= Base) && (wa < Base + BD);
        end
        if (WriteLatency >= 2) begin : g_wreg
          // the bank's own write registers: each drives one macro's inputs
          reg             we_q;
          reg [BA-1:0]    wa_q;
          reg [Width-1:0] wd_q;
          always @(posedge clk_i) begin
            we_q <= mwe & whit[gb];
            if (mwe & whit[gb]) begin wa_q <= woff[BA-1:0]; wd_q <= mwd; end
          end
          assign bwe = we_q; assign bwa = wa_q; assign bwd = wd_q;
        end else begin : g_wdir
          assign bwe = mwe & whit[gb]; assign bwa = woff[BA-1:0]; assign bwd = mwd;
        end
        slt_sram_macro #(
          .Depth     (BD),
          .Width     (Width),
          .AddrWidth (BA)
        ) u_macro (
          .clk_i   (clk_i),
          .we_i    (bwe),
          .waddr_i (bwa),
          .wdata_i (bwd),
          .re_i    (re_b_q),
          .raddr_i (ra_b_q),
          .rdata_o (dout)
        );
        // the bank's read registers (stage 1, declared above): each drives one macro's inputs
        always @(posedge clk_i) begin
          // the word loads every cycle (no enable on this path): the macro reads it only with re_b_q
          re_b_q <= re_i & rhit[gb];
          ra_b_q <= roff[BA-1:0];
        end
        always @(posedge clk_i) begin
          if (re_q[1] && rsel2_q[gb]) bank_q[gb*Width +: Width] <= dout;
        end
      end
      // bank-select mux: AND-OR of the bank registers under the one-hot select
      integer mi;
      always @* begin
        mux = {Width{1'b0}};
        for (mi = 0; mi < Banks; mi = mi + 1) mux = mux | (bank_q[mi*Width +: Width] & {Width{msel_q[mi]}});
      end
      assign first = mux;
    end
  endgenerate

`else

  localparam integer Stage1 = 1;
  reg [Width-1:0] mem_q [0:Depth-1];
  reg [Width-1:0] rdata_q;

  // One process for both ports: this is the form Yosys maps to block RAM with an
  // undefined (don't-care) read-during-write collision, so no bypass logic is added.
  always @(posedge clk_i) begin
    if (mwe) begin
      mem_q[mwa] <= mwd;
    end
    if (re_i) begin
      if (mwe && (mwa == raddr_i)) begin
        rdata_q <= {Width{1'bx}};
      end else begin
        rdata_q <= mem_q[raddr_i];
      end
    end
  end

  assign first = rdata_q;

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

  // ---- output registers after stage Stage1: ReadLatency - Stage1 of them, each
  // loading when its read reaches it (so rdata_o holds between reads)
  localparam integer Post = RL - Stage1;
  generate
    if (Post <= 0) begin : g_nopost
      assign rdata_o = first;
    end else begin : g_post
      reg [Post*Width-1:0] post_q;
      genvar gp;
      for (gp = 0; gp < Post; gp = gp + 1) begin : g_stage
        if (gp == 0) begin : g_first
          always @(posedge clk_i) if (re_q[Stage1 - 1]) post_q[0 +: Width] <= first;
        end else begin : g_next
          always @(posedge clk_i) if (re_q[Stage1 - 1 + gp]) post_q[gp*Width +: Width] <= post_q[(gp-1)*Width +: Width];
        end
      end
      assign rdata_o = post_q[(Post-1)*Width +: Width];
    end
  endgenerate

endmodule
