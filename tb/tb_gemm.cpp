// tb_gemm.cpp - the array on whole GEMMs: the harness plays the controller and
// the output (partial-sum) buffer, following slt_schedule_build (with table
// slots, psum_chunks > 1, forwarding row_psum_o within a tile); every final
// output is compared with slt_gemm_lut and slt_gemm_naive as it appears. Also
// checks latency, the event outputs and operand gating, then injects errors.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <deque>
#include <vector>

#include "tb_harness.h"
extern "C" {
#include "slt_reorder.h"
}

struct GemmCase {
    const char *name;
    int m, k, n;
    slt_weight_style ws;
    slt_act_style xs;
    uint64_t seed;
};

struct Issued {
    int token, row_block, chunk;
    uint64_t cycle;
};

// Operand register content and "is added" for term i of one row_keys field.
static uint64_t operand_of(uint32_t field, int i)
{
    if (!SLT_IS_ADDSUB) return field;
    if (SLT_BINARY) return ((field >> i) & 1u) ^ 1u;
    return ((field >> (2 * i + 1)) & 1u) ^ 1u;
}

static bool term_used(const slt_config *cfg, uint32_t field, int i)
{
    if (!SLT_IS_ADDSUB) return slt_key_terms(cfg, field) != 0;
    if (SLT_BINARY) return true;
    uint32_t code = (field >> (2 * i)) & 3u;
    return code == 0 || code == 2;
}

static const int kTermsPerField = SLT_IS_ADDSUB ? SLT_GROUP_SIZE : 1;
static const int kWords = (std::max(SLT_ROW_KEYS_BITS, SLT_TBL_ACT_BITS) + 31) / 32 + 1;

class GemmRun {
  public:
    GemmRun(Harness &h, const GemmCase &c) : h_(h), c_(c) {}
    ~GemmRun() { slt_stream_free(&s_); }
    void run();

  private:
    Harness &h_;
    const GemmCase &c_;
    slt_stream s_{};
    std::vector<int8_t> w_;
    std::vector<int16_t> x_;
    std::vector<int32_t> y_lut_, y_naive_;
    slt_events ev_{};
    std::vector<int64_t> obuf_;
    std::deque<Issued> fifo_;
    std::vector<uint32_t> cur_fields_;  // fields issued this cycle (empty: none)
    std::vector<uint32_t> last_fields_; // fields issued SLT_IN_STAGES + 1 cycles ago, now in stage 1
    std::deque<std::vector<uint32_t>> in_fields_; // fields in the array's input register(s)
    std::vector<uint64_t> mon_, ungated_;
    std::vector<uint32_t> opnd_init_; // operand registers at the start, per (lane, unit), slt_keybus layout
    uint64_t terms_seen_ = 0, terms_expected_ = 0, builds_seen_ = 0, builds_expected_ = 0;
    uint64_t toggles_gated_ = 0, toggles_ungated_ = 0, forwarded_ = 0;

    void prepare();
    void drive(const slt_cycle &cy);
    void drive_row(const slt_cycle &cy);
    void drive_psum();
    void observe();
    void check_gating();
    void take_output();
    void finish();
    int64_t mon_at(int slot) { return (int64_t)tb_get(h_.top->arr_mon_opnd_o, slot * SLT_OPND_BITS, SLT_OPND_BITS); }

  public:
    uint64_t buffer_groups() const { return ev_.buffer_groups; }
    uint64_t skipped() const { return ev_.skipped_groups; }
    uint64_t terms() const { return terms_seen_; }
    uint64_t gated() const { return toggles_gated_; }
    uint64_t ungated() const { return toggles_ungated_; }
    uint64_t forwarded() const { return forwarded_; }
};

void GemmRun::prepare()
{
    char err[SLT_ERRLEN];
    slt_prng p;
    slt_prng_seed(&p, c_.seed);
    w_.resize((size_t)c_.m * c_.k);
    x_.resize((size_t)c_.n * c_.k);
    y_lut_.resize((size_t)c_.n * c_.m);
    y_naive_.resize((size_t)c_.n * c_.m);
    slt_vectors_weights(&h_.cfg, c_.m, c_.k, c_.ws, &p, w_.data());
    slt_vectors_acts(&h_.cfg, c_.n, c_.k, c_.xs, &p, x_.data());
    if (slt_stream_build(&h_.cfg, w_.data(), c_.m, c_.k, &s_, err, sizeof err) ||
        slt_gemm_lut(&h_.cfg, w_.data(), x_.data(), y_lut_.data(), c_.m, c_.k, c_.n, &ev_, err, sizeof err) ||
        slt_gemm_naive(w_.data(), x_.data(), y_naive_.data(), c_.m, c_.k, c_.n, err, sizeof err))
        h_.fail("golden model: %s", err);
    if (y_lut_ != y_naive_) h_.fail("golden models disagree (slt_gemm_lut vs slt_gemm_naive)");
    obuf_.assign((size_t)c_.n * s_.row_blocks * SLT_ROW_LANES, 0);
    ungated_.assign((size_t)SLT_EV_TERM_BITS, 0);
    mon_.resize(SLT_EV_TERM_BITS);
    for (int i = 0; i < SLT_EV_TERM_BITS; i++) mon_[(size_t)i] = (uint64_t)mon_at(i);
    opnd_init_.assign((size_t)SLT_ROW_LANES * SLT_LUT_UNITS, 0);
    for (int i = 0; i < SLT_EV_TERM_BITS; i++)
        opnd_init_[(size_t)(i / kTermsPerField)] |= (uint32_t)mon_[(size_t)i] << (i % kTermsPerField);
}

void GemmRun::drive_row(const slt_cycle &cy)
{
    uint32_t words[kWords];
    std::memset(words, 0, sizeof words);
    slt_vectors_row_keys(&h_.cfg, &s_, cy.chunk, cy.row_block, words);
    tb_put_words(h_.top->arr_row_keys_i, words, SLT_ROW_KEYS_BITS);
    cur_fields_.assign((size_t)SLT_ROW_LANES * SLT_LUT_UNITS, 0);
    for (int l = 0; l < SLT_ROW_LANES; l++) {
        for (int u = 0; u < SLT_LUT_UNITS; u++) {
            uint32_t field = (uint32_t)slt_bits_get(words, (l * SLT_LUT_UNITS + u) * SLT_ROW_FIELD_BITS, SLT_ROW_FIELD_BITS);
            cur_fields_[(size_t)l * SLT_LUT_UNITS + u] = field;
            for (int i = 0; i < kTermsPerField; i++) {
                size_t slot = ((size_t)l * SLT_LUT_UNITS + u) * kTermsPerField + i;
                terms_expected_ += term_used(&h_.cfg, field, i);
                uint64_t op = operand_of(field, i);
                toggles_ungated_ += (uint64_t)__builtin_popcountll(op ^ ungated_[slot]);
                ungated_[slot] = op;
            }
        }
    }
    h_.top->arr_row_valid_i = 1;
#if SLT_HAS_SLOTS
    h_.top->arr_row_slot_i = (uint8_t)cy.slot;
#endif
    fifo_.push_back({cy.token, cy.row_block, cy.chunk, h_.cycle});
}

// row_psum_i: the partial sums of the row block issued SLT_PSUM_DELAY cycles
// ago: 0 for its first chunk, the buffered value the array returned for its
// previous chunk, or (a tile's later chunk, psum_chunks > 1) that chunk's
// row_psum_o right now, forwarded; all ones otherwise, which must be ignored.
void GemmRun::drive_psum()
{
    for (size_t i = 0; i < fifo_.size(); i++) {
        const Issued &q = fifo_[i];
        if (q.cycle + SLT_PSUM_DELAY != h_.cycle) continue;
        slt_psum_src src = slt_schedule_psum_src(q.chunk, SLT_PSUM_CHUNKS);
        bool live = false; // the previous chunk's output is on row_psum_o now
        for (size_t j = 0; j < i; j++) {
            if (fifo_[j].token != q.token || fifo_[j].row_block != q.row_block) continue;
            live = src == SLT_PSUM_FORWARD && j == 0 && fifo_[0].chunk == q.chunk - 1 &&
                   fifo_[0].cycle + SLT_LATENCY == h_.cycle;
            if (!live)
                h_.fail("schedule hazard: psum of row block %d, token %d, chunk %d needed while its previous chunk is "
                        "in flight",
                        q.row_block, q.token, q.chunk);
        }
        if (src == SLT_PSUM_FORWARD && !live)
            h_.fail("row block %d, token %d, chunk %d: its previous chunk is not on row_psum_o in the cycle its psum "
                    "is due (forwarding needs back-to-back issues)",
                    q.row_block, q.token, q.chunk);
        size_t base = ((size_t)q.token * s_.row_blocks + q.row_block) * SLT_ROW_LANES;
        for (int l = 0; l < SLT_ROW_LANES; l++) {
            uint64_t v = src == SLT_PSUM_ZERO ? 0
                         : live ? tb_get(h_.top->arr_row_psum_o, l * SLT_ACC_BITS, SLT_ACC_BITS)
                                : (uint64_t)obuf_[base + (size_t)l];
            tb_put(h_.top->arr_row_psum_i, l * SLT_ACC_BITS, SLT_ACC_BITS, v);
        }
        forwarded_ += live;
        return;
    }
    for (int l = 0; l < SLT_ROW_LANES; l++) tb_put(h_.top->arr_row_psum_i, l * SLT_ACC_BITS, SLT_ACC_BITS, ~0ull);
}

void GemmRun::drive(const slt_cycle &cy)
{
    h_.idle_inputs();
    cur_fields_.clear();
    if (cy.tbl_valid) {
        uint32_t words[kWords];
        std::memset(words, 0, sizeof words);
        slt_vectors_tbl_act(&h_.cfg, &x_[(size_t)cy.token * c_.k], c_.k, cy.chunk, words);
        tb_put_words(h_.top->arr_tbl_act_i, words, SLT_TBL_ACT_BITS);
        uint64_t mode = slt_vectors_tbl_mode(&s_, cy.chunk);
        tb_put(h_.top->arr_tbl_mode_i, 0, SLT_LUT_UNITS, mode);
        h_.top->arr_tbl_valid_i = 1;
#if SLT_HAS_SLOTS
        h_.top->arr_tbl_slot_i = (uint8_t)cy.slot;
#endif
        if (!SLT_IS_ADDSUB) builds_expected_ += (uint64_t)(SLT_LUT_UNITS - __builtin_popcountll(mode));
    }
    if (cy.row_valid) drive_row(cy);
    drive_psum();
}

// A skipped term never changes its operand register; a used one loads exactly
// its operand. ev_term_o (stage 1) says which terms of the row issued SLT_IN_STAGES + 1
// cycles ago were used.
void GemmRun::check_gating()
{
    for (int slot = 0; slot < SLT_EV_TERM_BITS; slot++) {
        uint64_t now = (uint64_t)mon_at(slot);
        bool used = tb_get(h_.top->arr_ev_term_o, slot, 1);
        if (now != mon_[(size_t)slot] && !used)
            h_.fail("lane %d term %d: operand register changed %llx -> %llx on a skipped term", slot / SLT_LANE_TERMS,
                    slot % SLT_LANE_TERMS, (unsigned long long)mon_[(size_t)slot], (unsigned long long)now);
        if (used) {
            int field = slot / kTermsPerField, i = slot % kTermsPerField;
            if (last_fields_.empty()) h_.fail("ev_term_o bit %d set with no row in stage 1", slot);
            uint64_t want = operand_of(last_fields_[(size_t)field], i);
            if (now != want)
                h_.fail("lane %d term %d: operand register holds %llx, expected %llx", slot / SLT_LANE_TERMS,
                        slot % SLT_LANE_TERMS, (unsigned long long)now, (unsigned long long)want);
        }
        toggles_gated_ += (uint64_t)__builtin_popcountll(now ^ mon_[(size_t)slot]);
        mon_[(size_t)slot] = now;
    }
}

void GemmRun::take_output()
{
    bool due = !fifo_.empty() && fifo_.front().cycle + SLT_LATENCY == h_.cycle;
    if ((bool)h_.top->arr_row_valid_o != due)
        h_.fail("row_valid_o = %d, expected %d (latency %d)", h_.top->arr_row_valid_o, due, SLT_LATENCY);
    if (!due) return;
    Issued q = fifo_.front();
    fifo_.pop_front();
    size_t base = ((size_t)q.token * s_.row_blocks + q.row_block) * SLT_ROW_LANES;
    for (int l = 0; l < SLT_ROW_LANES; l++) {
        int64_t got = tb_sext(tb_get(h_.top->arr_row_psum_o, l * SLT_ACC_BITS, SLT_ACC_BITS), SLT_ACC_BITS);
        obuf_[base + (size_t)l] = got;
        int row = q.row_block * SLT_ROW_LANES + l;
        if (q.chunk != s_.n_chunks - 1 || row >= c_.m) continue;
        size_t at = (size_t)q.token * c_.m + row;
        if (got != y_lut_[at] || got != y_naive_[at])
            h_.fail("case %s (M=%d K=%d N=%d): output token %d row %d (lane %d, row block %d, issued cycle %llu): "
                    "expected %d (slt_gemm_lut) / %d (slt_gemm_naive), got %lld",
                    c_.name, c_.m, c_.k, c_.n, q.token, row, l, q.row_block, (unsigned long long)q.cycle, y_lut_[at],
                    y_naive_[at], (long long)got);
        h_.matched++;
    }
}

void GemmRun::observe()
{
    for (int b = 0; b < SLT_EV_TERM_BITS; b++) terms_seen_ += tb_get(h_.top->arr_ev_term_o, b, 1);
    builds_seen_ += (uint64_t)__builtin_popcountll(tb_get(h_.top->arr_ev_build_o, 0, SLT_LUT_UNITS));
    if (h_.top->arr_err_o) h_.fail("case %s: err_o set on a valid stream", c_.name);
    check_gating();
    take_output();
}

void GemmRun::finish()
{
    if (!fifo_.empty()) h_.fail("case %s: %zu row blocks never came back", c_.name, fifo_.size());
    if (terms_seen_ != terms_expected_)
        h_.fail("case %s: ev_term_o counted %llu terms, the stream has %llu", c_.name, (unsigned long long)terms_seen_,
                (unsigned long long)terms_expected_);
    if (builds_seen_ != builds_expected_)
        h_.fail("case %s: ev_build_o counted %llu builds, expected %llu", c_.name, (unsigned long long)builds_seen_,
                (unsigned long long)builds_expected_);
    if (!SLT_IS_ADDSUB && !SLT_BINARY && terms_seen_ != ev_.lookups + ev_.buffer_adds)
        h_.fail("case %s: %llu terms, the event model says %llu lookups + %llu buffer adds", c_.name,
                (unsigned long long)terms_seen_, (unsigned long long)ev_.lookups, (unsigned long long)ev_.buffer_adds);
    // the golden model's operand-register flip count (slt_keybus_count, used by
    // bench-reorder) equals the RTL's, from the same starting state
    slt_keybus kb;
    slt_keybus_count(&h_.cfg, &s_, c_.n, opnd_init_.data(), &kb);
    if (kb.opnd_toggles != toggles_gated_)
        h_.fail("case %s: operand registers flipped %llu bits, slt_keybus_count says %llu", c_.name,
                (unsigned long long)toggles_gated_, (unsigned long long)kb.opnd_toggles);
    uint64_t padding = ((uint64_t)s_.n_chunks * SLT_LUT_UNITS - (uint64_t)s_.n_groups) * (uint64_t)c_.n;
    if (!SLT_IS_ADDSUB && builds_seen_ != ev_.table_builds + padding)
        h_.fail("case %s: %llu builds, the event model says %llu (+ %llu padding groups)", c_.name,
                (unsigned long long)builds_seen_, (unsigned long long)ev_.table_builds, (unsigned long long)padding);
}

void GemmRun::run()
{
    char err[SLT_ERRLEN];
    prepare();
    slt_cycle *cycles = nullptr;
    size_t ncyc = 0;
    if (slt_schedule_build(&s_, c_.n, SLT_REISSUE_GAP, SLT_PSUM_CHUNKS, &cycles, &ncyc, err, sizeof err))
        h_.fail("schedule: %s", err);
    const slt_cycle idle = {0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < ncyc + SLT_LATENCY + 1; i++) {
        drive(i < ncyc ? cycles[i] : idle);
        h_.settle();
        observe();
        h_.edge();
        in_fields_.push_back(cur_fields_);
        if (in_fields_.size() > (size_t)SLT_IN_STAGES) {
            last_fields_.swap(in_fields_.front());
            in_fields_.pop_front();
        }
    }
    std::free(cycles);
    h_.idle_inputs();
    h_.step();
    finish();
}

static std::vector<GemmCase> standard_cases(const slt_config &c, uint64_t seed)
{
    int L = c.row_lanes, UG = c.lut_units * c.group_size, N = std::min(c.max_n, 3);
    int wide = std::min(c.max_k, 20000), kk = std::min(c.max_k, 2 * UG + 1);
    std::vector<GemmCase> v = {
        {"one-group", std::min(L, c.max_m), std::min(c.group_size, c.max_k), 1, SLT_W_MIXED, SLT_X_MIXED, seed + 1},
        {"k1", 1, 1, 1, SLT_W_DENSE, SLT_X_MIXED, seed + 2},
        {"ragged", std::min(2 * L + 1, c.max_m), kk, std::min(2, c.max_n), SLT_W_MIXED, SLT_X_MIXED, seed + 3},
        {"all-zero-w", std::min(L + 1, c.max_m), kk, 1, SLT_W_ZERO, SLT_X_MIXED, seed + 4},
        {"plus-max", std::min(L, c.max_m), kk, 1, SLT_W_PLUS, SLT_X_MAX, seed + 5},
        {"minus-min", std::min(L, c.max_m), kk, 1, SLT_W_MINUS, SLT_X_MIN, seed + 6},
        {"all-ones-x", std::min(3 * L - 1, c.max_m), kk, N, SLT_W_MIXED, SLT_X_ONES, seed + 7},
        {"widest-k-max", std::min(L, c.max_m), wide, 1, SLT_W_MINUS, SLT_X_MIN, seed + 8},
        {"widest-k-min", std::min(L, c.max_m), wide, 1, SLT_W_PLUS, SLT_X_MIN, seed + 9},
        {"gemm", std::min(3 * L - 1, c.max_m), std::min(c.max_k, 3 * UG - 2), N, SLT_W_MIXED, SLT_X_MIXED, seed + 10},
    };
    return v;
}

void tb_test_array(Harness &h, int random_cases)
{
    h.test = "array";
    std::vector<GemmCase> cases = standard_cases(h.cfg, h.seed * 1000);
    slt_prng p;
    slt_prng_seed(&p, h.seed ^ 0xa7);
    int L = h.cfg.row_lanes, UG = h.cfg.lut_units * h.cfg.group_size;
    for (int i = 0; i < random_cases; i++)
        cases.push_back({"random", (int)slt_prng_range(&p, 1, std::min(4 * L + 3, h.cfg.max_m)),
                         (int)slt_prng_range(&p, 1, std::min(h.cfg.max_k, 6 * UG + 5)),
                         (int)slt_prng_range(&p, 1, std::min(h.cfg.max_n, 3)), SLT_W_MIXED, SLT_X_MIXED,
                         slt_prng_next(&p)});
    uint64_t terms = 0, gated = 0, ungated = 0, buffer = 0, skipped = 0, forwarded = 0;
    long before = h.matched;
    for (const GemmCase &c : cases) {
        GemmRun run(h, c);
        run.run();
        terms += run.terms();
        buffer += run.buffer_groups();
        skipped += run.skipped();
        gated += run.gated();
        ungated += run.ungated();
        forwarded += run.forwarded();
    }
    std::printf("tb: array: %zu GEMMs, %ld outputs matched slt_gemm_lut and slt_gemm_naive; %llu terms added, "
                "%llu zero groups skipped, %llu buffer-mode groups; operand register toggles %llu gated vs %llu if "
                "loaded every row\n",
                cases.size(), h.matched - before, (unsigned long long)terms, (unsigned long long)skipped,
                (unsigned long long)buffer, (unsigned long long)gated, (unsigned long long)ungated);
    if (SLT_PSUM_CHUNKS > 1)
        std::printf("tb: array: table slots (psum_chunks = %d): %llu row issues took their partial sum forwarded from "
                    "row_psum_o\n",
                    SLT_PSUM_CHUNKS, (unsigned long long)forwarded);
}

// ---- error injection ---------------------------------------------------------------

static void expect_err(Harness &h, const char *what)
{
    for (int i = 0; i < SLT_LATENCY + 1; i++) h.step();
    if (!h.top->arr_err_o) h.fail("%s: err_o not set", what);
    for (int i = 0; i < 3; i++) h.step();
    if (!h.top->arr_err_o) h.fail("%s: err_o not sticky", what);
    h.top->arr_err_clr_i = 1;
    h.step();
    h.top->arr_err_clr_i = 0;
    h.step();
    if (h.top->arr_err_o) h.fail("%s: err_clr_i did not clear err_o", what);
    std::printf("tb: error injection: %s -> err_o set, sticky, cleared\n", what);
}

// One table load (mode) and one row whose lane 0, unit 0 field is `field`.
static void inject(Harness &h, uint64_t mode, uint32_t field)
{
    h.idle_inputs();
    h.top->arr_tbl_valid_i = 1;
    tb_put(h.top->arr_tbl_mode_i, 0, SLT_LUT_UNITS, mode);
    h.top->arr_row_valid_i = 1;
    tb_put(h.top->arr_row_keys_i, 0, SLT_ROW_FIELD_BITS, field);
    h.step();
    h.idle_inputs();
}

void tb_test_array_errors(Harness &h)
{
    h.test = "error-injection";
    h.idle_inputs();
    h.step();
    if (h.top->arr_err_o) h.fail("err_o set before any error");
    const uint32_t mag_mask = (1u << SLT_KEY_MAG_BITS) - 1;
    if (!SLT_IS_ADDSUB && !SLT_BINARY) {
        inject(h, 0, (uint32_t)SLT_TABLE_ENTRIES + 1);
        expect_err(h, "key magnitude past the table");
        inject(h, 0, mag_mask + 1);
        expect_err(h, "negative zero key");
        inject(h, 1, 2);
        expect_err(h, "buffer-mode group with a two-weight key");
        inject(h, 1, 3); // a raw entry: legal in buffer mode
        for (int i = 0; i < SLT_LATENCY + 2; i++) h.step();
        if (h.top->arr_err_o) h.fail("buffer-mode group with a single-weight key raised err_o");
    } else if (!SLT_IS_ADDSUB) {
        inject(h, 1, 0);
        expect_err(h, "buffer-mode bit in a binary stream");
    } else if (!SLT_BINARY) {
        inject(h, 0, 3u << 2 * (SLT_GROUP_SIZE - 1) | 1u);
        expect_err(h, "t2 code 3");
    } else {
        std::printf("tb: error injection: b1 codes are all valid, nothing to inject\n");
    }
}
