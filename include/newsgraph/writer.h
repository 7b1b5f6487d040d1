#ifndef NEWSGRAPH_WRITER_H
#define NEWSGRAPH_WRITER_H

#include <stdio.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

/* Options some formats read; zero-initialise, then set what you need. */
typedef struct ng_write_opts {
	const char *base_iri; /* RDF: the vocabulary and node IRIs; NULL gives the default */
} ng_write_opts;

/* The base IRI used when ng_write_opts.base_iri is NULL. */
#define NG_DEFAULT_BASE_IRI "https://newsgraph.example/"

/* An output format: its name for -f, a file extension and its writer.
 * Most formats are one stream (parts is NULL, write gets part 0). A format
 * made of several files (CSV's nodes.csv and edges.csv) lists their names
 * in `parts`, NULL-terminated; the caller opens one stream per part, in a
 * directory of its choosing, and calls write once per part index. */
typedef struct ng_writer {
	const char *name;
	const char *ext;
	const char *description;
	const char *const *parts;
	int (*write)(const ng_graph *g, FILE *out, int part, const ng_write_opts *opts, ng_error *err);
} ng_writer;

/* The registry: a NULL-terminated table of every format. */
const ng_writer *const *ng_writers(void);

/* Returns the writer called `name`, or NULL. */
const ng_writer *ng_writer_find(const char *name);

#endif
