/* The writer registry's members: one descriptor per output format, each
 * formatting the canonical view the driver (write.c) builds. */
#ifndef NG_WRITERS_H
#define NG_WRITERS_H

#include "graph/view.h"
#include "newsgraph/writer.h"

extern const ng_writer ng_writer_dot;
extern const ng_writer ng_writer_json;
extern const ng_writer ng_writer_jsonl;
extern const ng_writer ng_writer_graphml;
extern const ng_writer ng_writer_cypher;
extern const ng_writer ng_writer_csv;
extern const ng_writer ng_writer_nt;
extern const ng_writer ng_writer_ttl;

#endif
