// tb_units.cpp - the table builder and the row lane on their own ports,
// against slt_table_build / slt_table_lookup (slt) or plain +-a (addsub).
#include <cstdio>
#include <cstring>
#include <deque>
#include <vector>

#include "tb_harness.h"

static const int kMagBits = SLT_KEY_MAG_BITS;
// one unit's tables: SLT_ACT_SLICES slice tables of SLT_TABLE_ENTRIES entries (1 table unsliced)
static const int kUnitEntries = SLT_ACT_SLICES * SLT_TABLE_ENTRIES;

static bool is_power_of_3(uint32_t j)
{
    while (j > 1 && j % 3 == 0) j /= 3;
    return j == 1;
}

// ---- table builder ----------------------------------------------------------

#if SLT_HAS_BUILDER
static void builder_acts(slt_prng &p, int style, int16_t *a)
{
    int lo = -(1 << (SLT_ACT_BITS - 1)), hi = (1 << (SLT_ACT_BITS - 1)) - 1;
    for (int i = 0; i < SLT_GROUP_SIZE; i++) {
        switch (style) {
        case 0: a[i] = (int16_t)lo; break;
        case 1: a[i] = (int16_t)hi; break;
        case 2: a[i] = (int16_t)(i % 2 ? lo : hi); break;
        case 3: a[i] = 0; break;
        default: a[i] = (int16_t)slt_prng_range(&p, lo, hi); break;
        }
    }
}

// Slot j of slice s of the registered tables (slot order of table_o, s*E + j) after one cycle.
static void builder_check(Harness &h, const std::vector<int32_t> &want, int round)
{
    for (int j = 0; j < kUnitEntries; j++) {
        int64_t got = tb_sext(tb_get(h.top->bld_table_o, j * SLT_SLICE_ENTRY_BITS, SLT_SLICE_ENTRY_BITS),
                              SLT_SLICE_ENTRY_BITS);
        if (got != want[j])
            h.fail("round %d table slice %d entry slot %d: expected %d, got %lld", round, j / SLT_TABLE_ENTRIES,
                   j % SLT_TABLE_ENTRIES, want[j], (long long)got);
    }
    h.matched += kUnitEntries;
}

// With table slots (psum_chunks > 1) every round loads one slot (or none) and
// looks at one slot through sel_i: the other slots must keep their tables.
void tb_test_builder(Harness &h)
{
    h.test = "table-builder";
    slt_prng p;
    slt_prng_seed(&p, h.seed ^ 0xb1);
    const int slots = SLT_PSUM_CHUNKS, first = 5 * slots; // first rounds: LUT-mode loads of every slot in turn
    std::vector<std::vector<int32_t>> held((size_t)slots, std::vector<int32_t>(kUnitEntries, 0));
    std::vector<int32_t> built(kUnitEntries);
    int16_t a[8];
    for (int round = 0; round < 300; round++) {
        int load = round < first || slt_prng_range(&p, 0, 5) != 0;
        int buffer = round >= first && SLT_LANE_HAS_MODE && slt_prng_range(&p, 0, 2) == 0;
        int slot = 0, view = 0; // (no draws with one slot: the same stimulus as before slots existed)
        if (slots > 1) {
            slot = round < first ? round % slots : (int)slt_prng_range(&p, 0, slots - 1);
            view = round < first ? slot : (int)slt_prng_range(&p, 0, slots - 1);
        }
        builder_acts(p, round < 5 ? round : 9, a);
        for (int i = 0; i < SLT_GROUP_SIZE; i++)
            tb_put(h.top->bld_act_i, i * SLT_ACT_BITS, SLT_ACT_BITS, (uint64_t)(uint16_t)a[i]);
#if SLT_HAS_SLOTS
        h.top->bld_load_i = (uint8_t)(load << slot);
        h.top->bld_sel_i = (uint8_t)view;
#else
        h.top->bld_load_i = (uint8_t)load;
#endif
#if SLT_LANE_HAS_MODE
        h.top->bld_buffer_mode_i = (uint8_t)buffer;
#endif
        h.step();
        slt_table_build_sliced(a, SLT_GROUP_SIZE, SLT_BINARY, SLT_ACT_BITS, SLT_ACT_SLICE_BITS, built.data());
        // buffer mode refreshes only the raw entries 3^t (slot 3^t - 1 of every slice)
        for (int j = 0; load && j < kUnitEntries; j++)
            if (!buffer || is_power_of_3((uint32_t)(j % SLT_TABLE_ENTRIES) + 1)) held[(size_t)slot][j] = built[j];
        builder_check(h, held[(size_t)view], round);
    }
    h.idle_inputs();
    if (slots > 1) std::printf("tb: table builder: 300 rounds matched (%d table slots)\n", slots);
    else std::printf("tb: table builder: 300 rounds matched\n");
}
#else
void tb_test_builder(Harness &) { std::printf("tb: table builder: none in the add/sub baseline\n"); }
#endif

// ---- row lane -------------------------------------------------------------------

struct LaneRow {
    uint32_t fields[SLT_LUT_UNITS]; // row_keys fields (keys or weight codes)
    int64_t psum;
};

struct LaneTerm {
    int64_t value;
    bool used, bad;
};

// What a lane's shared input holds this cycle: tables (slt) or activations (addsub).
struct LaneShared {
    std::vector<int32_t> tables; // [U][slices][entries]
    std::vector<int16_t> acts;   // [U*G]
    uint64_t modes = 0;
};

#if SLT_HAS_BUILDER
static LaneTerm lane_term(const LaneShared &s, int u, uint32_t key)
{
    uint32_t mag = key & ((1u << kMagBits) - 1), neg = key >> kMagBits;
    const int32_t *table = &s.tables[(size_t)u * kUnitEntries];
    auto read = [&](int binary) {
        return slt_table_lookup_sliced(table, key, SLT_GROUP_SIZE, binary, SLT_ACT_BITS, SLT_ACT_SLICE_BITS);
    };
    if (SLT_BINARY) return {read(1), true, false};
    if (mag == 0) return {0, false, neg != 0};
    if (mag > (uint32_t)SLT_TABLE_ENTRIES) return {0, false, true};
    if (((s.modes >> u) & 1) && !is_power_of_3(mag)) return {0, true, true}; // read, but of an entry not built
    return {read(0), true, false};
}
#endif

// The lane's result for row r given the shared input present in its stage 1;
// *lookups gets the lookup_o bits, *bad whether err_o should be set.
static int64_t lane_expect(const LaneShared &s, const LaneRow &r, uint64_t *lookups, bool *bad)
{
    int64_t sum = r.psum;
    *lookups = 0;
    *bad = false;
    for (int u = 0; u < SLT_LUT_UNITS; u++) {
#if SLT_HAS_BUILDER
        LaneTerm t = lane_term(s, u, r.fields[u]);
        sum += t.value;
        *lookups |= (uint64_t)t.used << u;
        *bad |= t.bad;
#else
        for (int i = 0; i < SLT_GROUP_SIZE; i++) {
            int f = u * SLT_GROUP_SIZE + i, a = s.acts[(size_t)f];
            uint32_t code = SLT_BINARY ? (r.fields[u] >> i) & 1u : (r.fields[u] >> (2 * i)) & 3u;
            int w = SLT_BINARY ? (code ? 1 : -1) : (int)code - 1;
            bool bad_code = !SLT_BINARY && code == 3;
            *bad |= bad_code;
            if (bad_code || w == 0) continue;
            sum += w * a;
            *lookups |= 1ull << f;
        }
#endif
    }
    return tb_sext((uint64_t)sum, SLT_ACC_BITS);
}

static uint32_t random_key(slt_prng &p, bool buffer)
{
    int8_t w[8] = {0};
    int pick = (int)slt_prng_range(&p, 0, 19);
    if (!SLT_BINARY && pick < 7) return 0;                                      // skip
    if (!SLT_BINARY && pick == 7) return (uint32_t)slt_prng_range(&p, 0, (1 << SLT_KEY_BITS) - 1); // anything, maybe invalid
    if (!SLT_BINARY && (buffer ? pick < 17 : pick < 10)) {                     // single weight
        w[slt_prng_range(&p, 0, SLT_GROUP_SIZE - 1)] = slt_prng_range(&p, 0, 1) ? 1 : -1;
        return slt_key_encode(w, SLT_GROUP_SIZE, 0);
    }
    for (int i = 0; i < SLT_GROUP_SIZE; i++)
        w[i] = SLT_BINARY ? (slt_prng_range(&p, 0, 1) ? 1 : -1) : (int8_t)slt_prng_range(&p, -1, 1);
    return slt_key_encode(w, SLT_GROUP_SIZE, SLT_BINARY);
}

// A fresh shared input: tables from random activations (slt) or the activations.
static void lane_new_shared(Harness &h, slt_prng &p, LaneShared &s)
{
    int lo = -(1 << (SLT_ACT_BITS - 1)), hi = (1 << (SLT_ACT_BITS - 1)) - 1;
    s.acts.resize(SLT_LUT_UNITS * SLT_GROUP_SIZE);
    for (auto &a : s.acts) {
        int pick = (int)slt_prng_range(&p, 0, 7);
        a = (int16_t)(pick == 0 ? lo : pick == 1 ? hi : slt_prng_range(&p, lo, hi));
    }
#if SLT_HAS_BUILDER
    s.tables.resize((size_t)SLT_LUT_UNITS * kUnitEntries);
    for (int u = 0; u < SLT_LUT_UNITS; u++) {
        slt_table_build_sliced(&s.acts[(size_t)u * SLT_GROUP_SIZE], SLT_GROUP_SIZE, SLT_BINARY, SLT_ACT_BITS,
                               SLT_ACT_SLICE_BITS, &s.tables[(size_t)u * kUnitEntries]);
        for (int j = 0; j < kUnitEntries; j++)
            tb_put(h.top->ln_tables_i, (u * kUnitEntries + j) * SLT_SLICE_ENTRY_BITS, SLT_SLICE_ENTRY_BITS,
                   (uint64_t)(uint32_t)s.tables[(size_t)u * kUnitEntries + j]);
    }
    s.modes = 0;
    for (int u = 0; SLT_LANE_HAS_MODE && u < SLT_LUT_UNITS; u++) s.modes |= (uint64_t)(slt_prng_range(&p, 0, 2) == 0) << u;
#if SLT_LANE_HAS_MODE
    tb_clear(h.top->ln_buffer_mode_i);
    tb_put(h.top->ln_buffer_mode_i, 0, SLT_LUT_UNITS, s.modes);
#endif
#else
    for (int f = 0; f < SLT_LUT_UNITS * SLT_GROUP_SIZE; f++)
        tb_put(h.top->ln_acts_i, f * SLT_ACT_BITS, SLT_ACT_BITS, (uint64_t)(uint16_t)s.acts[(size_t)f]);
#endif
}

static LaneRow lane_random_row(const slt_config *cfg, slt_prng &p, const LaneShared &s)
{
    LaneRow r;
    for (int u = 0; u < SLT_LUT_UNITS; u++) {
        uint32_t key = random_key(p, (s.modes >> u) & 1);
        r.fields[u] = slt_row_field(cfg, key);
        // the baseline also sees a lone invalid t2 code among valid ones
        if (SLT_IS_ADDSUB && !SLT_BINARY && slt_prng_range(&p, 0, 15) == 0)
            r.fields[u] |= 3u << (2 * slt_prng_range(&p, 0, SLT_GROUP_SIZE - 1));
    }
    r.psum = tb_sext(slt_prng_next(&p), SLT_ACC_BITS);
    return r;
}

// A skipped term must leave its operand register alone; a used one must load
// exactly the operand of its code.
static void lane_check_gating(Harness &h, uint64_t before_words[], uint64_t lookups)
{
    for (int f = 0; f < SLT_LANE_TERMS; f++) {
        uint64_t now = tb_get(h.top->ln_mon_opnd_o, f * SLT_OPND_BITS, SLT_OPND_BITS);
        if (now != before_words[f] && !((lookups >> f) & 1))
            h.fail("lane term %d: operand register changed %llx -> %llx on a skipped term", f,
                   (unsigned long long)before_words[f], (unsigned long long)now);
        before_words[f] = now;
    }
}

struct InFlight {
    LaneRow row;
    uint64_t issued;
    int64_t expect = 0;
    bool evaluated = false;
};

// Rows in stage 1 (issued last cycle): evaluate against the shared input now
// present, check lookup_o and err_o.
static void lane_stage1(Harness &h, std::deque<InFlight> &q, const LaneShared &s, uint64_t mon[])
{
    uint64_t lookups = 0;
    bool bad = false;
    if (!q.empty() && q.back().issued + 1 == h.cycle && !q.back().evaluated) {
        InFlight &r = q.back();
        r.expect = lane_expect(s, r.row, &lookups, &bad);
        r.evaluated = true;
    }
    uint64_t got = tb_get(h.top->ln_lookup_o, 0, SLT_LANE_TERMS);
    if (got != lookups) h.fail("lane lookup_o: expected %llx, got %llx", (unsigned long long)lookups, (unsigned long long)got);
    if (h.top->ln_err_o != bad) h.fail("lane err_o: expected %d, got %d", bad, h.top->ln_err_o);
    lane_check_gating(h, mon, lookups);
}

static void lane_output(Harness &h, std::deque<InFlight> &q)
{
    bool due = !q.empty() && q.front().issued + (SLT_LATENCY - SLT_IN_STAGES) == h.cycle; // the lane alone: no input register
    if (h.top->ln_valid_o != due) h.fail("lane valid_o = %d, expected %d", h.top->ln_valid_o, due);
    if (!due) return;
    int64_t got = tb_sext(h.top->ln_psum_o, SLT_ACC_BITS);
    if (got != q.front().expect)
        h.fail("lane psum_o: expected %lld, got %lld (row issued at cycle %llu)", (long long)q.front().expect,
               (long long)got, (unsigned long long)q.front().issued);
    h.matched++;
    q.pop_front();
}

// psum_i carries the partial sum of the row issued SLT_PSUM_DELAY cycles ago,
// and garbage (which the lane must ignore) in every other cycle.
static void lane_drive_psum(Harness &h, const std::deque<InFlight> &q, slt_prng &p)
{
    for (const InFlight &r : q)
        if (r.issued + (SLT_PSUM_DELAY - SLT_IN_STAGES) == h.cycle) {
            tb_put(h.top->ln_psum_i, 0, SLT_ACC_BITS, (uint64_t)r.row.psum);
            return;
        }
    tb_put(h.top->ln_psum_i, 0, SLT_ACC_BITS, slt_prng_next(&p));
}

void tb_test_lane(Harness &h, int rows)
{
    h.test = "row-lane";
    slt_prng p;
    slt_prng_seed(&p, h.seed ^ 0x1a);
    LaneShared s;
    std::deque<InFlight> q;
    uint64_t mon[SLT_LANE_TERMS];
    for (int f = 0; f < SLT_LANE_TERMS; f++) mon[f] = tb_get(h.top->ln_mon_opnd_o, f * SLT_OPND_BITS, SLT_OPND_BITS);
    int issued = 0;
    lane_new_shared(h, p, s);
    while (issued < rows || !q.empty()) {
        // the shared input may change under rows in flight: their stage 1 reads the new one
        if (slt_prng_range(&p, 0, 15) == 0) lane_new_shared(h, p, s);
        bool valid = issued < rows && slt_prng_range(&p, 0, 3) != 0;
        h.top->ln_valid_i = valid;
        lane_drive_psum(h, q, p);
        h.settle();
        lane_stage1(h, q, s, mon);
        lane_output(h, q);
        if (valid) {
            InFlight r;
            r.row = lane_random_row(&h.cfg, p, s);
            r.issued = h.cycle;
            for (int u = 0; u < SLT_LUT_UNITS; u++)
                tb_put(h.top->ln_keys_i, u * SLT_ROW_FIELD_BITS, SLT_ROW_FIELD_BITS, r.row.fields[u]);
            q.push_back(r);
            issued++;
            h.top->eval();
        }
        h.edge();
    }
    h.idle_inputs();
    std::printf("tb: row lane: %d rows matched (%s%s, shared input changing under the pipeline)\n", rows,
                SLT_BINARY ? "every code valid, no skips" : "skips, invalid codes", SLT_LANE_HAS_MODE ? ", buffer mode" : "");
}
