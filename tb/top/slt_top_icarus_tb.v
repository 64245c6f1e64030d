// slt_top_icarus_tb - Icarus replay of the accelerator top through its AXI ports
// (docs/top.md "Verification"), from the vector files of tb/top/top_vecgen.c:
// an AXI4-Lite master runs axil.txt (writes, checked reads, polls), an AXI4-Stream
// source sends in.txt and a sink compares every beat of out.txt bit for bit
// (data and TLAST). TVALID/TREADY/AXI-Lite valid and ready gaps are random
// ($random seeded by +seed). 4-state: any X or Z on any top output from the first
// cycle after reset deassertion is a failure, and so is any AXI handshake violation
// on the seven channels (tb/top/slt_top_chk.v, slt_axi_check.v).
//   iverilog -g2005 -Wall -I build/<cfg> -DSLT_TOP_MODULE=<SLT_TOP> -s slt_top_icarus_tb \
//     -o tb.vvp tb/top/slt_top_icarus_tb.v build/<cfg>/rtl/*.v build/<cfg>/top/*.v
//   vvp -n tb.vvp +vec=<dir> +seed=N
// -DSLT_TB_ACCEL drives the integration wrapper slt_accel (aclk, aresetn, s_axil_*,
// s_axis_*, m_axis_*, irq) instead of the hashed top: the same vectors and checks.
// Prints "PASS ... matched N outputs" or "FAIL ..." lines (vvp exits 0 either way).
`include "slt_params.vh"

module slt_top_icarus_tb;
  localparam integer BB       = `SLT_BUS_BITS;
  localparam integer MaxBeats = 1 << 16;

  reg            clk = 1'b0;
  reg            rst_n = 1'b0;
  reg            awvalid = 1'b0, wvalid = 1'b0, bready = 1'b0, arvalid = 1'b0, rready = 1'b0;
  reg  [11:0]    awaddr = 12'd0, araddr = 12'd0;
  reg  [31:0]    wdata = 32'd0;
  wire           awready, wready, bvalid, arready, rvalid, irq;
  wire [1:0]     bresp, rresp;
  wire [31:0]    rdata;
  reg            s_tvalid = 1'b0, s_tlast = 1'b0, m_tready = 1'b0;
  reg  [BB-1:0]  s_tdata = {BB{1'b0}};
  wire           s_tready, m_tvalid, m_tlast;
  wire [BB-1:0]  m_tdata;

  wire           axi_err;
  // hierarchical path of the accelerator core (the ECC fault-injection backdoor)
`ifdef SLT_TB_ACCEL
`define SLT_TB_CORE u_dut.u_dut.u_top
`else
`define SLT_TB_CORE u_dut.u_dut
`endif
  slt_top_chk u_dut (   // the top with AXI protocol checkers (tb/top/slt_top_chk.v)
    .clk_i (clk), .rst_ni (rst_n),
    .s_axil_awvalid_i (awvalid), .s_axil_awready_o (awready), .s_axil_awaddr_i (awaddr),
    .s_axil_awprot_i (3'd0),
    .s_axil_wvalid_i (wvalid), .s_axil_wready_o (wready), .s_axil_wdata_i (wdata), .s_axil_wstrb_i (4'hf),
    .s_axil_bvalid_o (bvalid), .s_axil_bready_i (bready), .s_axil_bresp_o (bresp),
    .s_axil_arvalid_i (arvalid), .s_axil_arready_o (arready), .s_axil_araddr_i (araddr),
    .s_axil_arprot_i (3'd0),
    .s_axil_rvalid_o (rvalid), .s_axil_rready_i (rready), .s_axil_rdata_o (rdata), .s_axil_rresp_o (rresp),
    .irq_o (irq),
    .s_axis_tvalid_i (s_tvalid), .s_axis_tready_o (s_tready), .s_axis_tdata_i (s_tdata),
    .s_axis_tlast_i (s_tlast),
    .m_axis_tvalid_o (m_tvalid), .m_axis_tready_i (m_tready), .m_axis_tdata_o (m_tdata),
    .m_axis_tlast_o (m_tlast),
    .axi_err_o (axi_err)
  );

  always #5 clk = ~clk;

  integer seed = 1, seed0 = 1, errors = 0, matched = 0, cycle = 0;
  reg [8*1024-1:0] vec_dir;
  reg [BB-1:0] in_data  [0:MaxBeats-1];
  reg          in_last  [0:MaxBeats-1];
  reg [BB-1:0] out_data [0:MaxBeats-1];
  reg          out_last [0:MaxBeats-1];
  integer n_in = 0, n_out = 0, in_idx = 0, out_idx = 0, injected = 0;
  reg          started = 1'b0;   // stream processes run

  task fail;
    input [8*200-1:0] msg;
    begin
      $display("FAIL config %s seed %0d cycle %0d: %0s", `SLT_CFG_NAME, seed0, cycle, msg);
      errors = errors + 1;
      if (errors > 10) begin
        $display("FAIL config %s: too many errors", `SLT_CFG_NAME);
        $finish;
      end
    end
  endtask

  // ---- no X/Z on any output, every cycle after reset --------------------------------
  always @(negedge clk) begin
    if (rst_n) begin
      if (^{awready, wready, bvalid, bresp, arready, rvalid, rdata, rresp, irq,
            s_tready, m_tvalid, m_tdata, m_tlast} === 1'bx)
        fail("X/Z on a top output");
    end
  end
  always @(posedge clk) cycle = cycle + 1;
  always @(negedge clk) if (rst_n && axi_err !== 1'b0) begin fail("AXI protocol violation (see above)"); $finish; end

  // ---- AXI4-Stream source: in.txt, random TVALID gaps ---------------------------
  always @(posedge clk) begin
    if (s_tvalid && s_tready) in_idx <= in_idx + 1;
  end
  reg fired_in;
  always @(posedge clk) fired_in <= s_tvalid & s_tready;
  always @(negedge clk) begin
    if (started) begin
      if (fired_in) s_tvalid = 1'b0;
      if (!s_tvalid && in_idx < n_in && ($random(seed) & 3) != 0) begin
        s_tvalid = 1'b1;
        s_tdata  = in_data[in_idx];
        s_tlast  = in_last[in_idx];
      end
      if (!s_tvalid) begin
        s_tdata = {BB{1'b0}};
        s_tlast = 1'b0;
      end
    end
  end

  // ---- AXI4-Stream sink: out.txt, random TREADY, every beat compared ---------------
  always @(negedge clk) if (started) m_tready = ($random(seed) % 10) < 7;
  always @(posedge clk) begin
    if (m_tvalid === 1'b1 && m_tready) begin
      if (out_idx >= n_out) fail("output beat beyond the expected stream");
      else if (m_tdata !== out_data[out_idx] || m_tlast !== out_last[out_idx]) begin
        $display("FAIL config %s seed %0d cycle %0d: output beat %0d: got last %b data %h, expected last %b data %h",
                 `SLT_CFG_NAME, seed0, cycle, out_idx, m_tlast, m_tdata, out_last[out_idx], out_data[out_idx]);
        errors = errors + 1;
      end else matched = matched + 1;
      out_idx <= out_idx + 1;
    end
  end

  // ---- AXI4-Lite master ------------------------------------------------------------
  task gap;
    begin
      while (($random(seed) & 3) == 0) @(negedge clk);
    end
  endtask

  reg aw_done, w_done;
  integer guard;
  task axil_write;
    input [11:0] addr;
    input [31:0] data;
    begin
      gap;
      awaddr = addr; wdata = data; aw_done = 1'b0; w_done = 1'b0;
      awvalid = 1'b1; wvalid = 1'b1;
      guard = 0;
      while (!aw_done || !w_done) begin
        @(posedge clk);
        if (awvalid && awready) aw_done = 1'b1;
        if (wvalid && wready) w_done = 1'b1;
        @(negedge clk);
        if (aw_done) awvalid = 1'b0;
        if (w_done) wvalid = 1'b0;
        guard = guard + 1;
        if (guard > 1000) begin fail("AXI-Lite write: no AW/W ready"); aw_done = 1'b1; w_done = 1'b1; end
      end
      awvalid = 1'b0; wvalid = 1'b0;
      guard = 0;
      bready = ($random(seed) & 3) != 0;
      @(posedge clk);
      while (!(bvalid && bready)) begin
        @(negedge clk);
        bready = ($random(seed) & 3) != 0;
        @(posedge clk);
        guard = guard + 1;
        if (guard > 1000) begin fail("AXI-Lite write: no B"); bready = 1'b1; end
      end
      if (bresp !== 2'b00) fail("AXI-Lite write: response not OKAY");
      @(negedge clk);
      bready = 1'b0;
    end
  endtask

  reg [31:0] rd_data;
  task axil_read;
    input [11:0] addr;
    begin
      gap;
      araddr = addr; arvalid = 1'b1;
      guard = 0;
      @(posedge clk);
      while (!arready) begin
        @(posedge clk);
        guard = guard + 1;
        if (guard > 1000) begin fail("AXI-Lite read: no AR ready"); arvalid = 1'b0; end
      end
      @(negedge clk);
      arvalid = 1'b0;
      rready = ($random(seed) & 3) != 0;
      guard = 0;
      @(posedge clk);
      while (!(rvalid && rready)) begin
        @(negedge clk);
        rready = ($random(seed) & 3) != 0;
        @(posedge clk);
        guard = guard + 1;
        if (guard > 1000) begin fail("AXI-Lite read: no R"); rready = 1'b1; end
      end
      rd_data = rdata;
      if (rresp !== 2'b00) fail("AXI-Lite read: response not OKAY");
      @(negedge clk);
      rready = 1'b0;
    end
  endtask

  // ---- fault injection: arm the backdoor of one buffer (rtl/slt_sram_ecc.v) ----------
  task inject;
    input [31:0] mem, addr, bits;
    integer b0, b1;
    begin
      b0 = (bits[15:0] == 16'hffff) ? -1 : bits[15:0];
      b1 = (bits[31:16] == 16'hffff) ? -1 : bits[31:16];
      case (mem)
        0: begin
          `SLT_TB_CORE.u_ctrl.u_wbuf.inj_bit0 = b0; `SLT_TB_CORE.u_ctrl.u_wbuf.inj_bit1 = b1;
          `SLT_TB_CORE.u_ctrl.u_wbuf.inj_addr = addr;
        end
        1: begin
          `SLT_TB_CORE.u_ctrl.u_abuf.inj_bit0 = b0; `SLT_TB_CORE.u_ctrl.u_abuf.inj_bit1 = b1;
          `SLT_TB_CORE.u_ctrl.u_abuf.inj_addr = addr;
        end
        2: begin
          `SLT_TB_CORE.u_ctrl.u_obuf.inj_bit0 = b0; `SLT_TB_CORE.u_ctrl.u_obuf.inj_bit1 = b1;
          `SLT_TB_CORE.u_ctrl.u_obuf.inj_addr = addr;
        end
        default: begin
          `SLT_TB_CORE.u_ctrl.u_mode.inj_bit0 = b0; `SLT_TB_CORE.u_ctrl.u_mode.inj_bit1 = b1;
          `SLT_TB_CORE.u_ctrl.u_mode.inj_addr = addr;
        end
      endcase
      injected = injected + 1;
    end
  endtask

  // ---- vector files ----------------------------------------------------------------
  reg [8*64-1:0] key, value;
  reg [63:0]     hash;
  integer        fd, r, bus, lst, polls;
  reg [BB-1:0]   beat;
  reg [8*8-1:0]  op;
  reg [31:0]     fa, fb, fc;

  task read_beats;
    input  integer    which;   // 0: in.txt, 1: out.txt
    begin
      if (which == 0) fd = $fopen({vec_dir, "/in.txt"}, "r");
      else fd = $fopen({vec_dir, "/out.txt"}, "r");
      if (fd == 0) begin fail("cannot open a vector file"); $finish; end
      r = $fscanf(fd, "%d %h\n", lst, beat);
      while (r == 2) begin
        if (which == 0) begin in_data[n_in] = beat; in_last[n_in] = lst[0]; n_in = n_in + 1; end
        else begin out_data[n_out] = beat; out_last[n_out] = lst[0]; n_out = n_out + 1; end
        r = $fscanf(fd, "%d %h\n", lst, beat);
      end
      $fclose(fd);
    end
  endtask

  initial begin
    if (!$value$plusargs("vec=%s", vec_dir)) begin
      $display("FAIL: usage: vvp tb.vvp +vec=<vector folder> [+seed=N]");
      $finish;
    end
    if (!$value$plusargs("seed=%d", seed)) seed = 1;
    seed0 = seed;
    fd = $fopen({vec_dir, "/meta.txt"}, "r");
    if (fd == 0) begin fail("cannot open meta.txt"); $finish; end
    hash = 64'd0; bus = 0;
    r = $fscanf(fd, "%s %s\n", key, value);
    while (r == 2) begin
      if (key == "hash") r = $sscanf(value, "0x%h", hash);
      if (key == "bus_bits") r = $sscanf(value, "%d", bus);
      r = $fscanf(fd, "%s %s\n", key, value);
    end
    $fclose(fd);
    if (hash !== `SLT_CFG_HASH || bus != BB) begin
      fail("the vectors are for another configuration");
      $finish;
    end
    read_beats(0);
    read_beats(1);
    repeat (4) @(negedge clk);
    rst_n = 1'b1;
    started = 1'b1;
    fd = $fopen({vec_dir, "/axil.txt"}, "r");
    r = $fscanf(fd, "%s %h %h %h\n", op, fa, fb, fc);
    while (r == 4) begin
      if (op == "W") axil_write(fa[11:0], fb);
      else if (op == "R") begin
        axil_read(fa[11:0]);
        if ((rd_data & fc) !== fb) begin
          $display("FAIL config %s seed %0d cycle %0d: read 0x%03h = %h (mask %h), expected %h", `SLT_CFG_NAME,
                   seed0, cycle, fa[11:0], rd_data & fc, fc, fb);
          errors = errors + 1;
        end else matched = matched + 1;
      end else if (op == "P") begin
        polls = 0;
        axil_read(fa[11:0]);
        while ((rd_data & fb) !== fc && polls < 20000) begin
          repeat (8) @(negedge clk);
          axil_read(fa[11:0]);
          polls = polls + 1;
        end
        if ((rd_data & fb) !== fc) fail("poll timed out");
      end else if (op == "I") inject(fa, fb, fc);
      else fail("bad line in axil.txt");
      r = $fscanf(fd, "%s %h %h %h\n", op, fa, fb, fc);
    end
    $fclose(fd);
    guard = 0;
    while ((in_idx < n_in || out_idx < n_out) && guard < 100000) begin
      @(negedge clk);
      guard = guard + 1;
    end
    repeat (20) @(negedge clk);
    if (in_idx != n_in) fail("input beats left unsent");
    if (out_idx != n_out) fail("output beats missing");
    if (`SLT_TB_CORE.u_ctrl.u_wbuf.inj_count + `SLT_TB_CORE.u_ctrl.u_abuf.inj_count +
        `SLT_TB_CORE.u_ctrl.u_obuf.inj_count + `SLT_TB_CORE.u_ctrl.u_mode.inj_count != injected)
      fail("an armed fault was never written (SRAM backdoor)");
    if (errors == 0)
      $display("PASS config %s seed %0d: %0d input beats, %0d injected faults, matched %0d outputs", `SLT_CFG_NAME,
               seed0, n_in, injected, matched);
    else
      $display("FAIL config %s seed %0d: %0d errors", `SLT_CFG_NAME, seed0, errors);
    $finish;
  end
endmodule
