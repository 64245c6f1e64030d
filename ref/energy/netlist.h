/* netlist.h - a flat gate-level netlist (Yosys write_verilog -noattr -noexpr
 * -simple-lhs of a flattened design) and the liberty facts the energy flow needs
 * (synth/energy.sh, docs/report.md "Measured energy").
 *
 * Every wire bit gets an id; `assign` statements join bits into nets (union-find).
 * Every cell connection keeps its text span, so a tool can rewrite the file with a
 * pin moved to another net (sltnet buffer) without reprinting the rest.
 */
#ifndef SLT_NETLIST_H
#define SLT_NETLIST_H

#include <stddef.h>

/* bit ids below 0 are constants */
enum { NL_CONST0 = -1, NL_CONST1 = -2, NL_CONSTX = -3 };
enum { NL_IN = 1, NL_OUT = 2, NL_INOUT = 3 };

typedef struct {
    char *name;
    int dir;            /* NL_IN / NL_OUT: a liberty pin direction */
    double cap;         /* input capacitance, library unit */
    double max_cap;     /* output pins: max_capacitance (0: none) */
    int clock;          /* clock : true */
} nl_libpin;

typedef struct {
    char *name;
    int npins;
    nl_libpin *pins;
} nl_libcell;

typedef struct {
    int ncells;
    nl_libcell *cells;
} nl_lib;

typedef struct {
    char *name;     /* as written, escape backslash removed */
    int msb, lsb;
    int base;       /* bit id of index lsb */
    int dir;        /* 0 wire, NL_IN, NL_OUT, NL_INOUT: a port of the module */
} nl_wire;

typedef struct {
    char *pin;
    size_t span0, span1; /* text of the connection expression (inside the parens) */
    int nbits;
    int *bits;           /* MSB first */
    int dir;             /* from the liberty (or _o suffix for non-liberty cells) */
    double cap;
    int clock;
} nl_conn;

typedef struct {
    char *type;
    char *name;          /* escape backslash removed */
    int libcell;         /* index in nl_lib, -1 for a cell the liberty lacks */
    int nconn;
    nl_conn *conns;
    char *params;        /* "#( ... )" text, or NULL */
    size_t pspan0, pspan1; /* its span in the text */
    size_t end;          /* offset just past its ';' */
} nl_cell;

typedef struct {
    char *text;          /* the whole file */
    size_t len;
    char *module;
    size_t header_end;   /* offset just past the module header's ';' */
    size_t endmodule;    /* offset of "endmodule" */
    int nwires, nbits;
    nl_wire *wires;
    int ncells;
    nl_cell *cells;
    int *uf;             /* union-find parent per bit */
    int *bit_wire;       /* wire index per bit */
    int nassign;
    void *map;           /* wire name -> index */
} nl_netlist;

int nl_lib_load(nl_lib *lib, const char *path, char *err, size_t errlen);
void nl_lib_free(nl_lib *lib);
int nl_lib_find(const nl_lib *lib, const char *name);

int nl_load(nl_netlist *nl, const nl_lib *lib, const char *path, char *err, size_t errlen);
void nl_free(nl_netlist *nl);
int nl_root(nl_netlist *nl, int bit);
int nl_wire_find(const nl_netlist *nl, const char *name);
/* bit id of name[index] (index ignored for a 1-bit wire given index < 0), -4 when unknown */
int nl_bit_of(const nl_netlist *nl, const char *name, int index);

#endif
