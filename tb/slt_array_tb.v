// slt_array_tb - Icarus testbench: replays the vector files written by
// slt_vectors_write (format in ref/slt_vectors.h) on the generated array, plays
// the partial-sum buffer, and compares every output with expected.txt.
// 4-state: any X or Z on an output after reset is a failure.
//   iverilog -g2005 -Wall -I build/<cfg> -s slt_array_tb -o tb.vvp tb/slt_array_tb.v build/<cfg>/rtl/*.v
//   vvp -n tb.vvp +vec=build/<cfg>/vec
// Prints "PASS ... matched N outputs" or "FAIL ..." lines (vvp's exit status
// is 0 either way; scripts/rtl_icarus.sh checks the text).
`include "slt_params.vh"

module slt_array_tb;
  localparam integer Acc     = `SLT_ACC_BITS;
  localparam integer Lanes   = `SLT_ROW_LANES;
  localparam integer MaxOut  = 65536;  // tokens * row blocks * lanes
  localparam integer MaxFifo = 64;     // row blocks in flight (latency + 1 at most)

  reg                              clk_i = 1'b0;
  reg                              rst_ni = 1'b0;
  reg                              tbl_valid_i = 1'b0;
`ifdef SLT_HAS_SLOTS
  reg  [`SLT_SLOT_BITS-1:0]        tbl_slot_i = {`SLT_SLOT_BITS{1'b0}};
  reg  [`SLT_SLOT_BITS-1:0]        row_slot_i = {`SLT_SLOT_BITS{1'b0}};
`endif
  reg  [`SLT_TBL_ACT_BITS-1:0]     tbl_act_i = {`SLT_TBL_ACT_BITS{1'b0}};
  reg  [`SLT_LUT_UNITS-1:0]        tbl_mode_i = {`SLT_LUT_UNITS{1'b0}};
  reg                              row_valid_i = 1'b0;
  reg  [`SLT_ROW_KEYS_BITS-1:0]    row_keys_i = {`SLT_ROW_KEYS_BITS{1'b0}};
  reg  [`SLT_ROW_PSUM_BITS-1:0]    row_psum_i = {`SLT_ROW_PSUM_BITS{1'b0}};
  reg                              err_clr_i = 1'b0;
  wire                             row_valid_o;
  wire [`SLT_ROW_PSUM_BITS-1:0]    row_psum_o;
  wire [`SLT_LUT_UNITS-1:0]        ev_build_o;
  wire [`SLT_EV_TERM_BITS-1:0]     ev_term_o;
  wire                             err_o;

  `SLT_MOD_ARRAY u_dut (
    .clk_i       (clk_i),
    .rst_ni      (rst_ni),
    .tbl_valid_i (tbl_valid_i),
`ifdef SLT_HAS_SLOTS
    .tbl_slot_i  (tbl_slot_i),
    .row_slot_i  (row_slot_i),
`endif
    .tbl_act_i   (tbl_act_i),
    .tbl_mode_i  (tbl_mode_i),
    .row_valid_i (row_valid_i),
    .row_keys_i  (row_keys_i),
    .row_psum_i  (row_psum_i),
    .err_clr_i   (err_clr_i),
    .row_valid_o (row_valid_o),
    .row_psum_o  (row_psum_o),
    .ev_build_o  (ev_build_o),
    .ev_term_o   (ev_term_o),
    .err_o       (err_o)
  );

  always #5 clk_i = ~clk_i;

  // The partial-sum buffer this testbench plays, and the row blocks in flight.
  reg [Acc-1:0] obuf [0:MaxOut-1];
  integer fifo_base  [0:MaxFifo-1];
  integer fifo_cycle [0:MaxFifo-1];
  integer fifo_first [0:MaxFifo-1];
  integer fifo_head = 0, fifo_tail = 0, fifo_psum = 0;  // returned / issued / psum presented
  integer cycle = 0, errors = 0, matched = 0;
  integer row_blocks = 0, latency = 0, psum_delay = 0;
  reg [63:0] hash = 64'd0;

  // ---- outputs: no X after reset; returning row blocks go back to obuf ----
  integer l;
  always @(posedge clk_i) begin
    if (rst_ni) begin
      if (^{row_valid_o, row_psum_o, ev_build_o, ev_term_o, err_o} === 1'bx) begin
        $display("FAIL config %s cycle %0d: X/Z on an output after reset", `SLT_CFG_NAME, cycle);
        errors = errors + 1;
      end
      if (err_o === 1'b1) begin
        $display("FAIL config %s cycle %0d: err_o set on a valid stream", `SLT_CFG_NAME, cycle);
        errors = errors + 1;
      end
      if (row_valid_o === 1'b1) begin
        if (fifo_head == fifo_tail) begin
          $display("FAIL config %s cycle %0d: row_valid_o with no row block in flight", `SLT_CFG_NAME, cycle);
          errors = errors + 1;
        end else begin
          if (cycle - fifo_cycle[fifo_head % MaxFifo] != latency) begin
            $display("FAIL config %s cycle %0d: latency %0d, expected %0d", `SLT_CFG_NAME, cycle,
                     cycle - fifo_cycle[fifo_head % MaxFifo], latency);
            errors = errors + 1;
          end
          for (l = 0; l < Lanes; l = l + 1)
            obuf[fifo_base[fifo_head % MaxFifo] + l] <= row_psum_o[l*Acc +: Acc];
          fifo_head = fifo_head + 1;
        end
      end
    end
    cycle = cycle + 1;  // cycles seen so far: an issue recorded as c is sampled at the next edge
  end

  // ---- vector files ----
  reg [8*1024-1:0] vec_dir;
  reg [8*64-1:0]   key, value;
  integer fd, r, n_meta, v;

  task read_meta;
    begin
      fd = $fopen({vec_dir, "/meta.txt"}, "r");
      if (fd == 0) begin
        $display("FAIL config %s: cannot open %0s/meta.txt", `SLT_CFG_NAME, vec_dir);
        $finish;
      end
      n_meta = 0;
      r = $fscanf(fd, "%s %s\n", key, value);
      while (r == 2) begin
        if (key == "row_blocks") r = $sscanf(value, "%d", row_blocks);
        if (key == "latency") r = $sscanf(value, "%d", latency);
        if (key == "psum_delay") r = $sscanf(value, "%d", psum_delay);
        if (key == "hash") r = $sscanf(value, "0x%h", hash);
        n_meta = n_meta + 1;
        r = $fscanf(fd, "%s %s\n", key, value);
      end
      $fclose(fd);
      if (hash !== `SLT_CFG_HASH || latency != `SLT_LATENCY || psum_delay != `SLT_PSUM_DELAY || row_blocks == 0) begin
        $display("FAIL config %s: vectors are for hash %h latency %0d, the RTL is %h latency %0d",
                 `SLT_CFG_NAME, hash, latency, `SLT_CFG_HASH, `SLT_LATENCY);
        $finish;
      end
    end
  endtask

  // row_psum_i carries the partial sums of the row block issued SLT_PSUM_DELAY
  // cycles ago: 0 for its first chunk (fifo_first 1), the buffered value (0), or
  // (2, table slots) the array's row_psum_o right now, which holds the previous
  // chunk of the same row block (forwarded); all ones otherwise (the array must
  // ignore them).
  task drive_psum;
    begin
      row_psum_i = {`SLT_ROW_PSUM_BITS{1'b1}};
      if (fifo_psum != fifo_tail && fifo_cycle[fifo_psum % MaxFifo] + `SLT_PSUM_DELAY == cycle) begin
        if (fifo_first[fifo_psum % MaxFifo] == 2 && row_valid_o !== 1'b1) begin
          $display("FAIL config %s cycle %0d: forwarded psum due, but row_valid_o is not set", `SLT_CFG_NAME, cycle);
          errors = errors + 1;
        end
        for (l = 0; l < Lanes; l = l + 1)
          case (fifo_first[fifo_psum % MaxFifo])
            1: row_psum_i[l*Acc +: Acc] = {Acc{1'b0}};
            2: row_psum_i[l*Acc +: Acc] = row_psum_o[l*Acc +: Acc];
            default: row_psum_i[l*Acc +: Acc] = obuf[fifo_base[fifo_psum % MaxFifo] + l];
          endcase
        fifo_psum = fifo_psum + 1;
      end
    end
  endtask

  // One line of cycles.txt per clock: drive the inputs at the falling edge.
  // With table slots the line ends with the slot of that cycle's load and row.
  integer tv, rv, tok, rb, first, slot, nf;
  reg [`SLT_LUT_UNITS-1:0]     tm;
  reg [`SLT_TBL_ACT_BITS-1:0]  ta;
  reg [`SLT_ROW_KEYS_BITS-1:0] keys;
  task read_line;
    begin
`ifdef SLT_HAS_SLOTS
      r = $fscanf(fd, "%d %h %h %d %d %d %d %h %d\n", tv, tm, ta, rv, tok, rb, first, keys, slot);
      nf = 9;
`else
      r = $fscanf(fd, "%d %h %h %d %d %d %d %h\n", tv, tm, ta, rv, tok, rb, first, keys);
      slot = 0;
      nf = 8;
`endif
    end
  endtask

  task replay_cycles;
    begin
      fd = $fopen({vec_dir, "/cycles.txt"}, "r");
      read_line;
      while (r == nf) begin
        @(negedge clk_i);
        tbl_valid_i = tv[0];
        tbl_mode_i  = tm;
        tbl_act_i   = ta;
        row_valid_i = rv[0];
        row_keys_i  = keys;
`ifdef SLT_HAS_SLOTS
        tbl_slot_i  = slot[`SLT_SLOT_BITS-1:0];
        row_slot_i  = slot[`SLT_SLOT_BITS-1:0];
`endif
        if (rv != 0) begin
          fifo_base[fifo_tail % MaxFifo]  = (tok*row_blocks + rb)*Lanes;
          fifo_cycle[fifo_tail % MaxFifo] = cycle;
          fifo_first[fifo_tail % MaxFifo] = first;
          fifo_tail = fifo_tail + 1;
        end
        drive_psum;
        read_line;
      end
      $fclose(fd);
      repeat (`SLT_LATENCY + 2) begin
        @(negedge clk_i);
        tbl_valid_i = 1'b0;
        row_valid_i = 1'b0;
        drive_psum;
      end
    end
  endtask

  integer et, er;
  reg [Acc-1:0] want;
  task compare_expected;
    begin
      fd = $fopen({vec_dir, "/expected.txt"}, "r");
      r = $fscanf(fd, "%d %d %h\n", et, er, want);
      while (r == 3) begin
        v = et*row_blocks*Lanes + er;
        if (obuf[v] !== want) begin
          $display("FAIL config %s: output token %0d row %0d (lane %0d): expected %h, got %h", `SLT_CFG_NAME,
                   et, er, er % Lanes, want, obuf[v]);
          errors = errors + 1;
        end else begin
          matched = matched + 1;
        end
        r = $fscanf(fd, "%d %d %h\n", et, er, want);
      end
      $fclose(fd);
    end
  endtask

  initial begin
    if (!$value$plusargs("vec=%s", vec_dir)) begin
      $display("FAIL: usage: vvp tb.vvp +vec=<vector folder>");
      $finish;
    end
    read_meta;
    repeat (3) @(negedge clk_i);
    rst_ni = 1'b1;
    @(negedge clk_i);
    replay_cycles;
    compare_expected;
    if (fifo_head != fifo_tail) begin
      $display("FAIL config %s: %0d row blocks never came back", `SLT_CFG_NAME, fifo_tail - fifo_head);
      errors = errors + 1;
    end
    if (errors == 0 && matched > 0)
      $display("PASS icarus config %s: %0d cycles, no X after reset, matched %0d outputs", `SLT_CFG_NAME, cycle,
               matched);
    else
      $display("FAIL icarus config %s: %0d errors, %0d outputs matched", `SLT_CFG_NAME, errors, matched);
    $finish;
  end
endmodule
