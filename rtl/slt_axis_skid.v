// slt_axis_skid - AXI4-Stream register slice (skid buffer), full throughput.
//
// Breaks every combinational path between the two sides: m_tvalid_o/m_tdata_o come
// from the output register and s_tready_o from a flip-flop (it does NOT depend on
// m_tready_i in the same cycle). One transfer per cycle is sustained when the sink is
// always ready; latency is one cycle. When the sink stalls, the one beat the source
// had already sent (it saw s_tready_o = 1) lands in the skid register, and
// s_tready_o drops the next cycle.
//
// Width carries the whole beat: pack tdata, tkeep, tlast, tuser... into s_tdata_i as
// the user likes; the slice does not look inside. AXI4-Stream rules kept: a beat is
// transferred when tvalid && tready; m_tvalid_o, once high, stays high with
// m_tdata_o stable until accepted. Beats leave in order, none lost or duplicated
// (checked by make t-prims-sim with random back-pressure on both sides).
module slt_axis_skid #(
  parameter integer Width = 64  // beat width in bits, >= 1
) (
  input  wire             clk_i,
  input  wire             rst_ni,
  // slave (input) side
  input  wire             s_tvalid_i,
  output wire             s_tready_o,
  input  wire [Width-1:0] s_tdata_i,
  // master (output) side
  output wire             m_tvalid_o,
  input  wire             m_tready_i,
  output wire [Width-1:0] m_tdata_o
);

  generate
    if (Width < 1) begin : g_illegal_width
      slt_axis_skid_illegal_parameter_Width_must_be_at_least_1 u_illegal ();
    end
  endgenerate

  // Output register (what the sink sees) and skid register (a beat caught while
  // the output register was stalled). s_tready_o = skid register empty.
  reg             out_valid_d, out_valid_q;
  reg [Width-1:0] out_data_d, out_data_q;
  reg             skid_valid_d, skid_valid_q;
  reg [Width-1:0] skid_data_d, skid_data_q;

  wire in_fire  = s_tvalid_i && !skid_valid_q;
  wire out_free = !out_valid_q || m_tready_i;  // output register empty or emptied now

  always @(*) begin
    out_valid_d  = out_valid_q;
    out_data_d   = out_data_q;
    skid_valid_d = skid_valid_q;
    skid_data_d  = skid_data_q;
    if (out_free) begin
      if (skid_valid_q) begin
        // drain the skid register first (keeps order); input is not ready this cycle
        out_valid_d  = 1'b1;
        out_data_d   = skid_data_q;
        skid_valid_d = 1'b0;
      end else begin
        out_valid_d = in_fire;
        if (in_fire) out_data_d = s_tdata_i;
      end
    end else if (in_fire) begin
      // sink stalled while a beat arrives: catch it
      skid_valid_d = 1'b1;
      skid_data_d  = s_tdata_i;
    end
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      out_valid_q  <= 1'b0;
      skid_valid_q <= 1'b0;
    end else begin
      out_valid_q  <= out_valid_d;
      skid_valid_q <= skid_valid_d;
    end
  end

  // Data registers carry no reset (only the valid bits matter).
  always @(posedge clk_i) begin
    out_data_q  <= out_data_d;
    skid_data_q <= skid_data_d;
  end

  assign s_tready_o = !skid_valid_q;
  assign m_tvalid_o = out_valid_q;
  assign m_tdata_o  = out_data_q;

endmodule
