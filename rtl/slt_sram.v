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
//          enable per bank and the read word once per group of WGroup banks (so a
//          register drives each macro's inputs), stage 2 is the macro, stage 3 one
//          register per pair of banks behind a 2:1 mux, stages 4.. registers after the
//          bank-select mux. So the macro's clk -> dout ends at one mux and a register
//          and the bank-select mux is timed from flops (docs/memory.md "Banking and
//          read latency").
//   write: WriteLatency - 1 register stages on we_i/waddr_i/wdata_i, then the write.
//          Banked (black box), the last stage is one word and data register per
//          group of WGroup banks with a one-hot write enable per bank, decoded from
//          the stage before: the bank decode starts from a register and a register
//          drives at most WGroup macros' pins. A read sees a write once it has landed.
//   clock gating (ClockGating = 1, ASIC black-box path): the group write registers
//          tick only when the write hits their group, the group read words with a
//          read, each pair register only after a read of its pair, the output
//          registers with their read, the shared write stages with their write
//          (slt_clock_gate). These
//          registers have no reset, so the gate enables need no ~rst_ni term. The
//          one-hot flags load with the read / the group's write too; their valid
//          bits (re_q, one wl_q per group) tick every cycle.
//          ClockGating = 0: the pair and word registers load every cycle (a macro's
//          dout holds between its reads), output registers use load enables.
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
  /* verilator lint_off UNUSEDPARAM */
  parameter integer ClockGating = 0,   // 1: gated clocks on the black-box path's registers
  parameter integer WGroup    = 16,    // banks per group sharing the last write stage and read word
  /* verilator lint_on UNUSEDPARAM */
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
    if (WGroup < 1) begin : g_illegal_wgroup
      slt_sram_illegal_parameter_WGroup_must_be_at_least_1 u_illegal ();
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

  // ---- clock gating: the black-box path only (the behavioural model is for simulation
  // and FPGAs; SLT_FPGA never gates clocks)
`ifdef SLT_SRAM_BLACKBOX
`ifdef SLT_FPGA
  localparam integer Gated = 0;
`else
  localparam integer Gated = (ClockGating != 0) ? 1 : 0;
`endif
`else
  localparam integer Gated = 0;
`endif

  // ---- write port as the memory sees it: WShared register stages shared by all banks,
  // then the memory. Banked black box: the last of the WriteLatency - 1 stages is the
  // bank groups' own (below), so WShared is one less.
  localparam integer WStages = (WriteLatency > 1) ? WriteLatency - 1 : 0;
`ifdef SLT_SRAM_BLACKBOX
  localparam integer WShared = (Banks > 1 && WStages > 0) ? WStages - 1 : WStages;
`else
  localparam integer WShared = WStages;
`endif
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
      wire                wclk;
      // no load enable on word and data: the controller's write data arrives late in the
      // cycle (slim: 4.66 ns), so no enable multiplexer sits in front of these registers;
      // gated (ClockGating = 1), they tick only with the stage's write enable
      if (Gated != 0) begin : g_cg
        slt_clock_gate u_cg (.clk_i(clk_i), .en_i(we_c[gw-1]), .clk_o(wclk));
      end else begin : g_no_cg
        assign wclk = clk_i;
      end
      always @(posedge clk_i) we_q <= we_c[gw-1];
      always @(posedge wclk) begin
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
      // subtraction gives its word (both simplify to bit selects for a power-of-two BankDepth).
      // Groups of WGroup banks share the last write stage's word and data registers and
      // the read word register (so one register drives at most WGroup macro pins; only
      // the addressed group's write registers load, the read words with every read: a
      // group decode of the controller's address misses the gate's setup). Pairs of banks
      // share one output register behind a 2:1 bank-select mux (select and load from
      // registers: the macro's clk -> dout, up to 4.6 ns, leaves room for one mux level).
      localparam integer NG = (Banks + WGroup - 1) / WGroup;   // bank groups
      localparam integer NP = (Banks + 1) / 2;                 // bank pairs
      wire [31:0]       ra  = {{(32 - AddrWidth){1'b0}}, raddr_i};
      wire [31:0]       wdc = {{(32 - AddrWidth){1'b0}}, mwa};   // the write decode's word
      wire [Banks-1:0]  rhit, whit, bwe;
      wire [NG-1:0]     wghit;                     // the write's bank group
      wire [Banks-1:0]  rbe_d;                     // stage 1: one-hot bank of the last read
      reg  [Banks-1:0]  rv_q;                      // the bank of the read at stage 2 (valid: re_q[1])
      wire [NP-1:0]     pv;                        // the pair read at stage 2
      reg  [NP-1:0]     msel_q;                    // the mux's one-hot pair select (stage 3)
      wire [NP*Width-1:0] pair_d;                  // the pair output registers (stage 3)
      wire [NG*AddrWidth-1:0] rw_d, ww_d;          // each group's read word and write word
      wire [NG*Width-1:0] wd_d;                    // each group's write data
      reg  [Width-1:0]  mux;
      // the flags tick only while a read passes (gated); their valid bits are re_q
      wire vclk, mclk;
      if (Gated != 0) begin : g_fcg
        slt_clock_gate u_vcg (.clk_i(clk_i), .en_i(re_q[0]), .clk_o(vclk));
        slt_clock_gate u_mcg (.clk_i(clk_i), .en_i(re_q[1]), .clk_o(mclk));
        always @(posedge mclk) msel_q <= pv;
      end else begin : g_no_fcg
        assign vclk = clk_i;
        assign mclk = clk_i;
        always @(posedge mclk) if (re_q[1]) msel_q <= pv;
      end
      always @(posedge vclk) rv_q <= rbe_d;
      genvar gg, gb, gq;
      for (gg = 0; gg < NG; gg = gg + 1) begin : g_group
        localparam integer Lo = gg * WGroup;
        localparam integer Hi = (Lo + WGroup < Banks) ? Lo + WGroup : Banks;   // banks Lo .. Hi-1
        reg [AddrWidth-1:0] ra_q;   // the group's read word (stage 1)
        reg [Hi-Lo-1:0]     rbe_q;  // its banks' one-hot read flags (stage 1; valid: re_q[0])
        wire                rclk;
        assign wghit[gg] = |whit[Hi-1:Lo];
        if (Gated != 0) begin : g_rcg
          slt_clock_gate u_cg (.clk_i(clk_i), .en_i(re_i), .clk_o(rclk));
        end else begin : g_no_rcg
          assign rclk = clk_i;   // loads every cycle: no enable multiplexer on the controller's address
        end
        always @(posedge rclk) begin
          ra_q  <= raddr_i;
          rbe_q <= {(Hi-Lo){re_i}} & rhit[Hi-1:Lo];
        end
        assign rw_d[gg*AddrWidth +: AddrWidth] = ra_q;
        assign rbe_d[Hi-1:Lo] = rbe_q;
        if (WStages >= 1) begin : g_wreg
          // the last write stage: the group's word, data and one-hot bank enables, loaded
          // (gated) when the write hits the group; wl_q (every cycle) says they are current
          reg [AddrWidth-1:0] wa_q;
          reg [Width-1:0]     wd_q;
          reg [Hi-Lo-1:0]     bwe_q;
          reg                 wl_q;
          wire                wclk;
          if (Gated != 0) begin : g_wcg
            slt_clock_gate u_cg (.clk_i(clk_i), .en_i(mwe & wghit[gg]), .clk_o(wclk));
          end else begin : g_no_wcg
            assign wclk = clk_i;
          end
          always @(posedge wclk) begin
            wa_q  <= mwa;
            wd_q  <= mwd;
            bwe_q <= {(Hi-Lo){mwe}} & whit[Hi-1:Lo];
          end
          always @(posedge clk_i) wl_q <= mwe & wghit[gg];
          assign ww_d[gg*AddrWidth +: AddrWidth] = wa_q;
          assign wd_d[gg*Width +: Width] = wd_q;
          assign bwe[Hi-1:Lo] = bwe_q & {(Hi-Lo){wl_q}};
        end else begin : g_wdir
          assign ww_d[gg*AddrWidth +: AddrWidth] = mwa;
          assign wd_d[gg*Width +: Width] = mwd;
          assign bwe[Hi-1:Lo] = {(Hi-Lo){mwe}} & whit[Hi-1:Lo];
        end
      end
      for (gb = 0; gb < Banks; gb = gb + 1) begin : g_bank
        localparam integer Base = gb * BankDepth;
        localparam integer BD   = (gb == Banks - 1) ? Depth - (Banks - 1) * BankDepth : BankDepth;
        localparam integer BA   = (BD > 1) ? $clog2(BD) : 1;
        localparam integer Grp  = gb / WGroup;
        /* verilator lint_off UNUSEDSIGNAL */
        wire [31:0] rq   = {{(32 - AddrWidth){1'b0}}, rw_d[Grp*AddrWidth +: AddrWidth]};
        wire [31:0] wq   = {{(32 - AddrWidth){1'b0}}, ww_d[Grp*AddrWidth +: AddrWidth]};
        wire [31:0] roff = rq - Base;
        wire [31:0] woff = wq - Base;
        /* verilator lint_on UNUSEDSIGNAL */
        wire [Width-1:0] dout;
        if (gb == 0) begin : g_lo
          assign rhit[gb] = (ra < BD);
          assign whit[gb] = (wdc < BD);
        end else begin : g_hi
          assign rhit[gb] = (ra >= Base) && (ra < Base + BD);
          assign whit[gb] = (wdc >= Base) && (wdc < Base + BD);
        end
        slt_sram_macro #(
          .Depth     (BD),
          .Width     (Width),
          .AddrWidth (BA)
        ) u_macro (
          .clk_i   (clk_i),
          .we_i    (bwe[gb]),
          .waddr_i (woff[BA-1:0]),
          .wdata_i (wd_d[Grp*Width +: Width]),
          .re_i    (rbe_d[gb] & re_q[0]),
          .raddr_i (roff[BA-1:0]),
          .rdata_o (dout)
        );
      end
      for (gq = 0; gq < NP; gq = gq + 1) begin : g_pair
        // banks 2q and 2q+1 (the last pair may have one): a 2:1 mux selected by the odd
        // bank's read flag, then the pair's register. Gated, it ticks only after a read of
        // its pair; ungated it loads every cycle (a macro's dout holds between its reads,
        // so reloading it is harmless, and no enable multiplexer sits on the macro path)
        assign pv[gq] = re_q[1] & ((2 * gq + 1 < Banks) ? (rv_q[2 * gq] | rv_q[2 * gq + 1]) : rv_q[2 * gq]);
        reg  [Width-1:0] pair_q;
        wire [Width-1:0] pin;
        wire             pclk;
        if (2 * gq + 1 < Banks) begin : g_two
          assign pin = rv_q[2 * gq + 1] ? g_bank[2 * gq + 1].dout : g_bank[2 * gq].dout;
        end else begin : g_one
          assign pin = g_bank[2 * gq].dout;
        end
        if (Gated != 0) begin : g_cg
          slt_clock_gate u_cg (.clk_i(clk_i), .en_i(pv[gq]), .clk_o(pclk));
        end else begin : g_no_cg
          assign pclk = clk_i;
        end
        always @(posedge pclk) pair_q <= pin;
        assign pair_d[gq*Width +: Width] = pair_q;
      end
      // bank-select mux: AND-OR of the pair registers under the one-hot select
      integer mi;
      always @* begin
        mux = {Width{1'b0}};
        for (mi = 0; mi < NP; mi = mi + 1) mux = mux | (pair_d[mi*Width +: Width] & {Width{msel_q[mi]}});
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
      wire [Post*Width-1:0] post_w;
      genvar gp;
      for (gp = 0; gp < Post; gp = gp + 1) begin : g_stage
        wire pen = re_q[Stage1 - 1 + gp];   // the stage's read reaches it
        wire [Width-1:0] pin;
        wire pclk;
        reg  [Width-1:0] post_q;
        if (gp == 0) begin : g_first
          assign pin = first;
        end else begin : g_next
          assign pin = post_w[(gp-1)*Width +: Width];
        end
        if (Gated != 0) begin : g_cg
          slt_clock_gate u_cg (.clk_i(clk_i), .en_i(pen), .clk_o(pclk));
          always @(posedge pclk) post_q <= pin;
        end else begin : g_no_cg
          assign pclk = clk_i;
          always @(posedge pclk) if (pen) post_q <= pin;
        end
        assign post_w[gp*Width +: Width] = post_q;
      end
      assign rdata_o = post_w[(Post-1)*Width +: Width];
    end
  endgenerate

endmodule
