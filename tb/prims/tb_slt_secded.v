// tb_slt_secded - rtl/slt_secded_enc.v and rtl/slt_secded_dec.v against the C model
// (vectors from tb/prims/secded_vec.c, +vec=FILE): the encoder's codeword and the
// decoder's data and flags must equal the model's on every line. Prints
// "matched N outputs" or FAIL lines.
`include "slt_secded_bits.vh"
module tb_slt_secded;
  parameter integer Width = 8;
  localparam integer CheckBits = `SLT_SECDED_CHECK_BITS(Width);
  localparam integer CodeW = Width + CheckBits + 1;

  reg  [Width-1:0] data, want;
  reg  [CodeW-1:0] code, stored;
  wire [CodeW-1:0] enc;
  wire [Width-1:0] dec;
  wire             single, double;
  integer          fd, r, ws, wd, errors, matched;
  reg [8*1024-1:0] vec;

  slt_secded_enc #(.Width(Width)) u_enc (.data_i (data), .code_o (enc));
  slt_secded_dec #(.Width(Width)) u_dec (.code_i (stored), .data_o (dec), .single_o (single), .double_o (double));

  initial begin
    errors = 0; matched = 0;
    if (!$value$plusargs("vec=%s", vec)) begin $display("FAIL: usage +vec=FILE"); $finish; end
    fd = $fopen(vec, "r");
    if (fd == 0) begin $display("FAIL: cannot open the vector file"); $finish; end
    r = $fscanf(fd, "%h %h %h %h %d %d\n", data, code, stored, want, ws, wd);
    while (r == 6) begin
      #1;
      if (enc !== code || dec !== want || single !== ws[0] || double !== wd[0]) begin
        errors = errors + 1;
        if (errors <= 5)
          $display("FAIL Width %0d: data %h stored %h: enc %h dec %h single %b double %b, expected %h %h %0d %0d",
                   Width, data, stored, enc, dec, single, double, code, want, ws, wd);
      end else matched = matched + 1;
      r = $fscanf(fd, "%h %h %h %h %d %d\n", data, code, stored, want, ws, wd);
    end
    $fclose(fd);
    if (errors == 0 && matched > 0) $display("matched %0d outputs", matched);
    else $display("FAIL Width %0d: %0d mismatches, %0d matched", Width, errors, matched);
    $finish;
  end
endmodule
