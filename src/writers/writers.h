/* The writer registry's members: one descriptor per output format, each
 * formatting the canonical view the driver (write.c) builds; and the
 * diff's own formats, which format an ng_diff. */
#ifndef NG_WRITERS_H
#define NG_WRITERS_H

#include <stdio.h>
#include "graph/view.h"
#include "newsgraph/diff.h"
#include "newsgraph/writer.h"

extern const ng_writer ng_writer_dot;
extern const ng_writer ng_writer_json;
extern const ng_writer ng_writer_jsonl;
extern const ng_writer ng_writer_graphml;
extern const ng_writer ng_writer_cypher;
extern const ng_writer ng_writer_csv;
extern const ng_writer ng_writer_nt;
extern const ng_writer ng_writer_ttl;
extern const ng_writer ng_writer_html;

/* A diff format: text, json (dot draws the diff's union graph instead). */
typedef struct ng_diff_writer {
	const char *name;
	int (*write)(const ng_diff *d, FILE *out, ng_error *err);
} ng_diff_writer;

extern const ng_diff_writer ng_diff_writer_text;
extern const ng_diff_writer ng_diff_writer_json;

#endif
