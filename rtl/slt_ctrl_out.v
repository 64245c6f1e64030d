// slt_ctrl_out - the result phase: obuf words OBUF_BASE .. OBUF_BASE + N*RB - 1 (one
// row block of L partial sums each) -> 32-bit results (sign-extended) -> packer ->
// output stream, one packet with TLAST; the last row block carries MR results.
// One obuf read in flight (its data arrives ReadLatency cycles later), never ahead
// of the packer: at most one read per ReadLatency + 1 cycles.
module slt_ctrl_out #(
  parameter integer MRW       = 16,   // bits of MR (1..L)
  parameter integer QW        = 16,   // bits of NC and RB
  parameter integer BusBits   = 64,
  parameter integer L         = 4,
  parameter integer Acc       = 22,
  parameter integer ObufDepth = 1024,
  parameter integer ReadLatency = 1     // obuf read request -> data (rtl/slt_sram.v)
) (
  input  wire           clk_i,
  input  wire           rst_ni,
  input  wire           clr_i,
  input  wire           run_i,          // compute running: reset the read position
  input  wire           out_i,          // result state
  input  wire           start_i,        // run -> out: N*RB words to read
  input  wire [31:0]    nrb_i,
  input  wire [QW-1:0] rb_i,
  input  wire [MRW-1:0] mr_i,
  input  wire [31:0]    obase_i,
  output wire           re_o,           // obuf read
  output reg  [$clog2(ObufDepth)-1:0] raddr_o,
  input  wire [L*Acc-1:0] rdata_i,
  output wire           done_o,         // every result sent
  output wire           m_tvalid_o,
  input  wire           m_tready_i,
  output wire [BusBits-1:0] m_tdata_o,
  output wire           m_tlast_o
);
  wire [31:0] rb_x = {{(32-QW){1'b0}}, rb_i};
  wire [31:0] mr_x = {{(32-MRW){1'b0}}, mr_i};
  localparam integer OAW    = $clog2(ObufDepth);
  localparam integer OutInW = L * 32;               // one row block of 32-bit results
  localparam integer OutBW  = $clog2(OutInW + 1);

  reg  [31:0]       left_q;       // obuf words still to read
  reg               left_nz_q;    // left_q != 0, a flag: the 32-bit compare would sit
                                  // in front of the obuf read enable (timing)
  reg  [31:0]       b_q;          // row block of the next read (for the lane count)
  reg  [ReadLatency-1:0] pend_q;  // bit j: the read in flight was issued j+1 cycles ago
  reg               pend_last_q, pend_part_q;
  reg               hold_v_q, hold_last_q;
  reg  [OutBW-1:0]  hold_bits_q;
  reg  [OutInW-1:0] hold_q;
  wire              pk_ready, pk_idle;
  wire              hold_acc = hold_v_q & pk_ready;
  wire              pend   = |pend_q;
  wire              arrive = pend_q[ReadLatency-1];   // its data is on rdata_i
  wire              rd = out_i & left_nz_q & ~pend & (~hold_v_q | hold_acc);
  /* verilator lint_off UNUSEDSIGNAL */
  wire [ReadLatency:0] pend_next = {pend_q, rd};     // the top bit drops out
  /* verilator lint_on UNUSEDSIGNAL */

  // results: sign-extend each lane to 32 bits
  wire [OutInW-1:0] res32;
  genvar gi;
  generate
    for (gi = 0; gi < L; gi = gi + 1) begin : g_res
      if (Acc < 32) begin : g_ext
        assign res32[32*gi +: 32] = {{(32-Acc){rdata_i[gi*Acc + Acc - 1]}}, rdata_i[gi*Acc +: Acc]};
      end else begin : g_same
        assign res32[32*gi +: 32] = rdata_i[gi*Acc +: 32];
      end
    end
  endgenerate

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pend_q <= {ReadLatency{1'b0}}; hold_v_q <= 1'b0; left_q <= 32'd0; left_nz_q <= 1'b0;
    end else begin
      // N*RB words to read: loaded through the whole run (N*RB is stable then), so
      // the run -> out transition (start_i) is not on a timing path; only SOut reads
      if (run_i) begin left_q <= nrb_i; left_nz_q <= (nrb_i != 32'd0); end
      else if (rd) begin left_q <= left_q - 32'd1; left_nz_q <= (left_q != 32'd1); end
      if (clr_i) begin pend_q <= {ReadLatency{1'b0}}; hold_v_q <= 1'b0; end
      else begin
        pend_q <= pend_next[ReadLatency-1:0];
        if (arrive) hold_v_q <= 1'b1;
        else if (hold_acc) hold_v_q <= 1'b0;
      end
    end
  end
  always @(posedge clk_i) begin
    if (run_i) begin raddr_o <= obase_i[OAW-1:0]; b_q <= 32'd0; end
    else if (rd) begin
      raddr_o <= raddr_o + {{(OAW-1){1'b0}}, 1'b1};
      b_q <= (b_q == rb_x - 32'd1) ? 32'd0 : b_q + 32'd1;
      pend_last_q <= (left_q == 32'd1);
      pend_part_q <= (b_q == rb_x - 32'd1);
    end
    if (arrive) begin
      hold_q      <= res32;
      hold_last_q <= pend_last_q;
      hold_bits_q <= pend_part_q ? {mr_x[OutBW-6:0], 5'd0} : OutInW[OutBW-1:0];
    end
  end

  slt_pack #(.InW(OutInW), .OutW(BusBits)) u_pack (
    .clk_i      (clk_i),
    .rst_ni     (rst_ni),
    .clear_i    (clr_i),
    .in_valid_i (hold_v_q),
    .in_ready_o (pk_ready),
    .in_data_i  (hold_q),
    .in_bits_i  (hold_bits_q),
    .in_last_i  (hold_last_q),
    .m_tvalid_o (m_tvalid_o),
    .m_tready_i (m_tready_i),
    .m_tdata_o  (m_tdata_o),
    .m_tlast_o  (m_tlast_o),
    .idle_o     (pk_idle)
  );
  assign re_o   = rd;
  assign done_o = ~left_nz_q & ~pend & ~hold_v_q & pk_idle;
  wire unused = ^{mr_x, obase_i, rdata_i, start_i};
endmodule
