// slt_fill_wait - which of R buffer regions were filled within the last Delay cycles:
// new_o[r] is set for Delay cycles after a fill of region r (set_i with idx_i = r),
// while its last write is still in the buffer's write registers (a region becomes
// readable Delay cycles after its fill). Delay = 0: never set. A clear drops no stage
// already in flight; a fill in a clear cycle does not count.
module slt_fill_wait #(
  parameter integer R     = 2,
  parameter integer Delay = 0
) (
  input  wire                 clk_i,
  input  wire                 rst_ni,
  input  wire                 clr_i,
  input  wire                 set_i,
  input  wire [$clog2(R)-1:0] idx_i,
  output wire [R-1:0]         new_o
);
  generate
    if (Delay == 0) begin : g_now
      assign new_o = {R{1'b0}};
      wire unused = ^{clk_i, rst_ni, clr_i, set_i, idx_i};
    end else begin : g_delay
      reg [R*Delay-1:0] set_q;   // stage i at [R*i +: R]: the regions set i+1 cycles ago
      /* verilator lint_off UNUSEDSIGNAL */
      wire [R*Delay+R-1:0] set_next = {set_q, (set_i & ~clr_i) ? ({{(R-1){1'b0}}, 1'b1} << idx_i) : {R{1'b0}}};
      /* verilator lint_on UNUSEDSIGNAL */
      integer i;
      reg [R-1:0] any;
      always @(posedge clk_i or negedge rst_ni) begin
        if (!rst_ni) set_q <= {(R*Delay){1'b0}};
        else set_q <= set_next[R*Delay-1:0];
      end
      always @* begin
        any = {R{1'b0}};
        for (i = 0; i < Delay; i = i + 1) any = any | set_q[R*i +: R];
      end
      assign new_o = any;
    end
  endgenerate
endmodule
