// slt_ctrl_keys - the codes of one row block (L rows of a chunk, the head of the
// gearbox) -> the array's row_keys word (L*U fields of F bits). Rows past the
// block's real rows and codes past the chunk's real width are padding weights.
// Keys (docs/array.md): slt ternary sign + magnitude of sum (code_i - 1) * 3^i;
// slt binary: the flip bit and the relative signs; add/sub: the raw codes.
module slt_ctrl_keys #(
  parameter integer G       = 3,
  parameter integer U       = 4,
  parameter integer L       = 4,
  parameter integer F       = 5,
  parameter integer MagBits = 4,
  parameter integer Binary  = 0,
  parameter integer AddSub  = 0,
  parameter integer WLW     = 4,     // bits of the row width (1..U*G)
  parameter integer WRW     = 3      // bits of the row count (1..L)
) (
  input  wire [2*L*U*G-1:0] head_i,  // 2-bit codes, row-major, row width w_width
  input  wire [WLW-1:0]     width_i, // codes of a row in this chunk
  input  wire [WRW-1:0]     rows_i,  // real rows of this block
  output wire [L*U*F-1:0]   keys_o
);
  localparam integer UG      = U * G;
  localparam integer Smax    = L * UG;
  localparam integer PadCode = (Binary != 0) ? 2 : 1;       // padding weight: +1 (binary) / 0
  genvar gi, gu;
  generate
    for (gi = 0; gi < L; gi = gi + 1) begin : g_krow
      localparam integer OW = $clog2(2 * L * UG + 1);
      localparam [OW-1:0] GI2 = 2 * gi;
      wire [OW-1:0]     row_off = GI2 * {{(OW-WLW){1'b0}}, width_i};   // 2 * first code of row gi
      wire [2*Smax-1:0] shifted = head_i >> row_off;
      wire              real_row = (gi < rows_i);
      for (gu = 0; gu < U; gu = gu + 1) begin : g_kunit
        // key value sum (code_i - 1) * 3^i, |sum| < 3^G / 2: 2G+1 bits two's complement
        localparam integer SW = 2 * G + 1;
        reg [2*G-1:0] codes;
        reg [F-1:0]   field;
        integer       i, pos;
        reg [SW-1:0]  s;
        /* verilator lint_off UNUSEDSIGNAL */
        reg [SW-1:0]  mag;  // only MagBits bits are used
        /* verilator lint_on UNUSEDSIGNAL */
        always @* begin
          for (i = 0; i < G; i = i + 1) begin
            pos = gu * G + i;
            if (real_row && (pos < width_i)) codes[2*i +: 2] = shifted[2*pos +: 2];
            else codes[2*i +: 2] = PadCode[1:0];
          end
          field = {F{1'b0}};
          s = {SW{1'b0}};
          mag = {SW{1'b0}};
          if (AddSub != 0) begin
            for (i = 0; i < G; i = i + 1) begin
              if (Binary != 0) field[i] = (codes[2*i +: 2] == 2'd2);
              else field[2*i +: 2] = codes[2*i +: 2];
            end
          end else if (Binary != 0) begin
            field[F-1] = (codes[2*G-1 -: 2] == 2'd0);
            for (i = 0; i < G - 1; i = i + 1) field[i] = (codes[2*i +: 2] == 2'd2) ^ field[F-1];
          end else begin
            for (i = G - 1; i >= 0; i = i - 1)
              s = {s[SW-2:0], 1'b0} + s + {{(SW-2){1'b0}}, codes[2*i +: 2]} - {{(SW-1){1'b0}}, 1'b1};
            field[F-1] = s[SW-1];
            mag = s[SW-1] ? {SW{1'b0}} - s : s;
            field[MagBits-1:0] = mag[MagBits-1:0];
          end
        end
        assign keys_o[(gi*U + gu)*F +: F] = field;
      end
    end
  endgenerate
endmodule
