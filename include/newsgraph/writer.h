#ifndef NEWSGRAPH_WRITER_H
#define NEWSGRAPH_WRITER_H

#include <stdio.h>
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

/* An output format: its name for -f, a file extension and its writer. */
typedef struct ng_writer {
	const char *name;
	const char *ext;
	const char *description;
	int (*write)(const ng_graph *g, FILE *out, ng_error *err);
} ng_writer;

/* The registry: a NULL-terminated table of every format. */
const ng_writer *const *ng_writers(void);

/* Returns the writer called `name`, or NULL. */
const ng_writer *ng_writer_find(const char *name);

#endif
