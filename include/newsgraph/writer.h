/* Output formats: a registry of writers and the driver that runs them. A
 * writer never changes the graph and never sorts: the driver builds one
 * read-only canonical form of the graph (sorted, confidence computed) and
 * the writer formats it, so several threads may write one graph at once
 * (in formats other than dot, whose libcgraph keeps global state). */
#ifndef NEWSGRAPH_WRITER_H
#define NEWSGRAPH_WRITER_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Options some formats read; open with NG_WRITE_OPTS_INIT, then set what
 * you need. */
typedef struct ng_write_opts {
	const char *base_iri; /* RDF: the vocabulary and node IRIs; NULL gives the default */
	int compact;          /* json: the whole graph on one line, as JSON Lines carry it */
	const char *layout;   /* graphml: lay the graph out with this Graphviz engine (dot,
	                       * neato, fdp, sfdp, circo, twopi) and give each node x and y;
	                       * NULL: no positions */
	int partial;          /* compact json: each evidence also keeps its own confidence,
	                       * for another merge (a tree of merges then computes every
	                       * confidence as one merge would) */
} ng_write_opts;

#define NG_WRITE_OPTS_INIT {NULL, 0, NULL, 0}

/* The base IRI used when ng_write_opts.base_iri is NULL. */
#define NG_DEFAULT_BASE_IRI "https://newsgraph.example/"

/* The canonical form writers read; internal, built only by the driver. */
struct ng_view;

/* An output format: its name for -f, a file extension and a one-line
 * description. Most formats are one stream (parts is NULL: part 0). A
 * format made of several files (CSV's nodes.csv and edges.csv) lists their
 * names in `parts`, NULL-terminated; the caller opens one stream per part,
 * in a directory of its choosing. Write through ng_write*, never through
 * `write`, which takes the driver's internal form. */
typedef struct ng_writer {
	const char *name;
	const char *ext;
	const char *description;
	const char *const *parts;
	int (*write)(const struct ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err);
} ng_writer;

/* The registry: a NULL-terminated table of every format. */
NG_EXTERN const ng_writer *const *ng_writers(void);

/* Returns the writer called `name`, or NULL. */
NG_EXTERN const ng_writer *ng_writer_find(const char *name);

/* Writes part `part` of g in format w to out (o NULL: the defaults). g is
 * not changed. Errors: NG_EINVAL (a part the format does not have, a bad
 * option, or a value the format cannot hold, said in err), NG_ENOMEM,
 * NG_EIO (writing failed). */
NG_EXTERN int ng_write(const ng_writer *w, const ng_graph *g, FILE *out, int part, const ng_write_opts *o,
                       ng_error *err);

/* Writes every part of g in format w, part i to outs[i] (one stream when
 * w->parts is NULL), putting the graph in canonical form once. On failure,
 * *failed (when not NULL) is the index of the part at fault. Errors: as
 * ng_write. */
NG_EXTERN int ng_write_parts(const ng_writer *w, const ng_graph *g, FILE *const *outs, const ng_write_opts *o,
                             size_t *failed, ng_error *err);

/* As ng_write, into memory: *out is the output, NUL-terminated (free it
 * with free()), *len its length in bytes (may be NULL). */
NG_EXTERN int ng_write_mem(const ng_writer *w, const ng_graph *g, int part, const ng_write_opts *o, char **out,
                           size_t *len, ng_error *err);

#ifdef __cplusplus
}
#endif

#endif
