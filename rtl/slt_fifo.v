// slt_fifo - synchronous first-word-fall-through FIFO with valid/ready on both sides.
//
// Depth   entries, any value >= 1 (a power of two is not required).
// Width   bits per entry, >= 1.
//
// Write side: an entry is pushed at a rising edge when wvalid_i && wready_o;
//             wready_o = !full_o (a full FIFO does not accept a push even when
//             an entry is popped in the same cycle: no combinational ready path).
// Read side:  rvalid_o = !empty_o; rdata_o is the oldest entry, straight from the
//             storage register (first word falls through); it is popped at a
//             rising edge when rvalid_o && rready_i.
// Latency:    a pushed entry is visible on the read side one cycle after the push
//             (no same-cycle bypass from wdata_i to rdata_o).
// count_o:    entries held, 0..Depth. full_o = (count_o == Depth), empty_o = (count_o == 0).
// flush_i:    synchronous clear of all entries (wins over a push in the same cycle).
// Storage is flip-flops (rdata_o is a register-array read, no SRAM read latency); for
// deep buffers build an SRAM-backed queue from slt_sram instead.
// rdata_o while empty_o: the stale entry under the read pointer (X before first use).
module slt_fifo #(
  parameter integer Depth      = 4,
  parameter integer Width      = 8,
  // Derived widths. Do not override (checked).
  parameter integer PtrWidth   = (Depth > 1) ? $clog2(Depth) : 1,
  parameter integer CountWidth = $clog2(Depth + 1)
) (
  input  wire                  clk_i,
  input  wire                  rst_ni,
  input  wire                  flush_i,
  // write side
  input  wire                  wvalid_i,
  output wire                  wready_o,
  input  wire [Width-1:0]      wdata_i,
  // read side
  output wire                  rvalid_o,
  input  wire                  rready_i,
  output wire [Width-1:0]      rdata_o,
  // status
  output wire                  full_o,
  output wire                  empty_o,
  output wire [CountWidth-1:0] count_o
);

  // ---- parameter legality (an illegal value names a module that does not exist) ----
  generate
    if (Depth < 1) begin : g_illegal_depth
      slt_fifo_illegal_parameter_Depth_must_be_at_least_1 u_illegal ();
    end
    if (Width < 1) begin : g_illegal_width
      slt_fifo_illegal_parameter_Width_must_be_at_least_1 u_illegal ();
    end
    if (PtrWidth != ((Depth > 1) ? $clog2(Depth) : 1)) begin : g_illegal_ptr_width
      slt_fifo_illegal_parameter_PtrWidth_is_derived_do_not_override u_illegal ();
    end
    if (CountWidth != $clog2(Depth + 1)) begin : g_illegal_count_width
      slt_fifo_illegal_parameter_CountWidth_is_derived_do_not_override u_illegal ();
    end
  endgenerate

  localparam [31:0]           LastPtr32 = Depth - 1;
  localparam [31:0]           Depth32   = Depth;
  localparam [PtrWidth-1:0]   LastPtr   = LastPtr32[PtrWidth-1:0];
  localparam [CountWidth-1:0] FullCount = Depth32[CountWidth-1:0];

  reg [Width-1:0]      mem_q [0:Depth-1];
  reg [PtrWidth-1:0]   wptr_d, wptr_q;
  reg [PtrWidth-1:0]   rptr_d, rptr_q;
  reg [CountWidth-1:0] count_d, count_q;

  wire push = wvalid_i && !full_o;
  wire pop  = rready_i && !empty_o;

  assign full_o   = (count_q == FullCount);
  assign empty_o  = (count_q == {CountWidth{1'b0}});
  assign wready_o = !full_o;
  assign rvalid_o = !empty_o;
  assign rdata_o  = mem_q[rptr_q];
  assign count_o  = count_q;

  // Pointer increment with wrap at Depth (works for any Depth).
  function [PtrWidth-1:0] ptr_next;
    input [PtrWidth-1:0] p;
    begin
      if (p == LastPtr) ptr_next = {PtrWidth{1'b0}};
      else              ptr_next = p + {{(PtrWidth-1){1'b0}}, 1'b1};
    end
  endfunction

  always @(*) begin
    wptr_d  = wptr_q;
    rptr_d  = rptr_q;
    count_d = count_q;
    if (flush_i) begin
      wptr_d  = {PtrWidth{1'b0}};
      rptr_d  = {PtrWidth{1'b0}};
      count_d = {CountWidth{1'b0}};
    end else begin
      if (push) wptr_d = ptr_next(wptr_q);
      if (pop)  rptr_d = ptr_next(rptr_q);
      if (push && !pop)      count_d = count_q + {{(CountWidth-1){1'b0}}, 1'b1};
      else if (pop && !push) count_d = count_q - {{(CountWidth-1){1'b0}}, 1'b1};
    end
  end

  always @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      wptr_q  <= {PtrWidth{1'b0}};
      rptr_q  <= {PtrWidth{1'b0}};
      count_q <= {CountWidth{1'b0}};
    end else begin
      wptr_q  <= wptr_d;
      rptr_q  <= rptr_d;
      count_q <= count_d;
    end
  end

  // Storage: no reset (data path), written only on a push.
  always @(posedge clk_i) begin
    if (push && !flush_i) begin
      mem_q[wptr_q] <= wdata_i;
    end
  end

endmodule
