// slt_sram_ecc - an slt_sram with optional Hamming SECDED per word (ecc = secded,
// docs/memory.md "ECC"). Same ports and timing as rtl/slt_sram.v (1R1W, ReadLatency,
// Banks, BankDepth; rdata_o holds between reads) plus a reset and two error flags:
//   err_single_o  the word whose data rdata_o carries now (read ReadLatency cycles ago)
//                 had one flipped bit; rdata_o is the corrected data
//   err_double_o  that word is uncorrectable (two or more flips): rdata_o must not be used
// Both are high for exactly the one cycle in which a bad word's data arrives.
// Ecc = 0: a plain slt_sram of Width bits, flags tied to 0 (no logic added).
// Ecc = 1: slt_sram of Width + CheckBits + 1 bits (slt_secded_enc on the write data,
//          slt_secded_dec on the read data, combinational after the SRAM's output).
//
// Simulation backdoor (not under SYNTHESIS), for fault-injection tests from Verilator
// (public_flat_rw) and Icarus (hierarchical assignment): when inj_addr >= 0, the next
// write to word inj_addr stores its codeword with bits inj_bit0 and inj_bit1 flipped
// (-1: none), then inj_addr returns to -1 and inj_count counts the flip as done. This
// models bits upset in the array between a write and the following reads. With Ecc = 0
// the same flips corrupt the data (the negative control of the tests).
`include "slt_secded_bits.vh"
module slt_sram_ecc #(
  parameter integer Depth     = 1024,  // words, >= 2
  parameter integer Width     = 32,    // data bits per word, >= 1
  parameter integer Ecc       = 0,     // 0 none, 1 SECDED
  parameter integer Banks     = 1,     // slt_sram banking of the stored (code) word
  parameter integer BankDepth = Depth,
  parameter integer ReadLatency = 1,
  parameter integer WriteLatency = 1,
  parameter integer ClockGating = 0,   // slt_sram's gated clocks (black-box path)
  // Derived. Do not override.
  parameter integer AddrWidth = (Depth > 1) ? $clog2(Depth) : 1
) (
  input  wire                 clk_i,
  input  wire                 rst_ni,
  input  wire                 we_i,
  input  wire [AddrWidth-1:0] waddr_i,
  input  wire [Width-1:0]     wdata_i,
  input  wire                 re_i,
  input  wire [AddrWidth-1:0] raddr_i,
  output wire [Width-1:0]     rdata_o,
  output wire                 err_single_o,
  output wire                 err_double_o
);

  localparam integer CheckBits = `SLT_SECDED_CHECK_BITS(Width);   // slt_secded_enc's
  localparam integer CodeW = (Ecc != 0) ? Width + CheckBits + 1 : Width;

  generate
    if (Ecc != 0 && Ecc != 1) begin : g_illegal_ecc
      slt_sram_ecc_illegal_parameter_Ecc_must_be_0_or_1 u_illegal ();
    end
    if (AddrWidth != ((Depth > 1) ? $clog2(Depth) : 1)) begin : g_illegal_addr_width
      slt_sram_ecc_illegal_parameter_AddrWidth_is_derived_do_not_override u_illegal ();
    end
  endgenerate

  wire [CodeW-1:0] wcode, rcode, inj_mask;

  slt_sram #(.Depth(Depth), .Width(CodeW), .Banks(Banks), .BankDepth(BankDepth), .ReadLatency(ReadLatency),
             .WriteLatency(WriteLatency), .ClockGating(ClockGating)) u_sram (
    .clk_i   (clk_i),
    .we_i    (we_i),
    .waddr_i (waddr_i),
    .wdata_i (wcode ^ inj_mask),
    .re_i    (re_i),
    .raddr_i (raddr_i),
    .rdata_o (rcode)
  );

  generate
    if (Ecc != 0) begin : g_ecc
      wire single, double;
      reg  [ReadLatency-1:0] rd_q;   // bit j: a read j+1 edges ago
      /* verilator lint_off UNUSEDSIGNAL */
      wire [ReadLatency:0]   rd_next = {rd_q, re_i};   // the top bit drops out
      /* verilator lint_on UNUSEDSIGNAL */
      slt_secded_enc #(.Width(Width)) u_enc (.data_i (wdata_i), .code_o (wcode));
      slt_secded_dec #(.Width(Width)) u_dec (
        .code_i (rcode), .data_o (rdata_o), .single_o (single), .double_o (double)
      );
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) rd_q <= {ReadLatency{1'b0}};
        else rd_q <= rd_next[ReadLatency-1:0];
      end
      assign err_single_o = rd_q[ReadLatency-1] & single;
      assign err_double_o = rd_q[ReadLatency-1] & double;
    end else begin : g_plain
      assign wcode        = wdata_i;
      assign rdata_o      = rcode;
      assign err_single_o = 1'b0;
      assign err_double_o = 1'b0;
      wire unused = ^{rst_ni};
    end
  endgenerate

`ifndef SYNTHESIS
  // ---- simulation backdoor: flip stored bits on the next write to inj_addr -------------
  integer inj_addr  /* verilator public_flat_rw */;
  integer inj_bit0  /* verilator public_flat_rw */;
  integer inj_bit1  /* verilator public_flat_rw */;
  integer inj_count /* verilator public_flat_rw */;
  initial begin
    inj_addr = -1; inj_bit0 = -1; inj_bit1 = -1; inj_count = 0;
  end
  wire inj_hit = (we_i === 1'b1) && (inj_addr >= 0) && ({{(32 - AddrWidth){1'b0}}, waddr_i} == inj_addr);
  genvar gb;
  generate
    for (gb = 0; gb < CodeW; gb = gb + 1) begin : g_inj
      assign inj_mask[gb] = inj_hit && (inj_bit0 == gb || inj_bit1 == gb);
    end
  endgenerate
  always @(posedge clk_i) begin
    if (inj_hit) begin
      inj_addr  <= -1;
      inj_count <= inj_count + 1;
    end
  end
`else
  assign inj_mask = {CodeW{1'b0}};
`endif

endmodule
