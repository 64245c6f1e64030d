// slt_axi_check - the handshake rules of one AXI4 / AXI4-Lite / AXI4-Stream channel,
// checked every rising edge after reset (Verilator and Icarus; tb only):
//   - VALID and READY are never X/Z;
//   - the payload is never X/Z while VALID is high;
//   - once VALID is high without READY, VALID stays high and the payload stays the
//     same until the handshake (AXI: a source may not retract or change a transfer).
// A violation prints one line naming the channel and sets err_o (sticky until reset).
module slt_axi_check #(
  parameter integer        W    = 1,
  parameter                Name = "axi"   // untyped: Icarus 11 prints a typed string parameter empty
) (
  input  wire         clk_i,
  input  wire         rst_ni,
  input  wire         valid_i,
  input  wire         ready_i,
  input  wire [W-1:0] data_i,
  output reg          err_o
);
  reg         pend_q;     // VALID without READY at the last edge
  reg [W-1:0] data_q;
  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      pend_q <= 1'b0;
      err_o  <= 1'b0;
    end else begin
      if ((valid_i ^ ready_i) === 1'bx) begin
        $display("AXI protocol: %0s: VALID or READY is X/Z", Name);
        err_o <= 1'b1;
      end else if (valid_i && ((^data_i) === 1'bx)) begin
        $display("AXI protocol: %0s: payload has X/Z bits while VALID", Name);
        err_o <= 1'b1;
      end else if (pend_q && !valid_i) begin
        $display("AXI protocol: %0s: VALID dropped before READY", Name);
        err_o <= 1'b1;
      end else if (pend_q && data_i !== data_q) begin
        $display("AXI protocol: %0s: payload changed while VALID waited for READY", Name);
        err_o <= 1'b1;
      end
      pend_q <= valid_i & ~ready_i;
      data_q <= data_i;
    end
  end
endmodule
