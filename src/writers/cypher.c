/* Writer: Cypher (stub; being written). */
#include "../graph.h"
#include "writers.h"

static int write_cypher(const ng_graph *g, FILE *out, int part, const ng_write_opts *opts, ng_error *err)
{
	(void)g;
	(void)out;
	(void)part;
	(void)opts;
	return ng_fail(err, NG_EINVAL, NULL, 0, "format not implemented yet");
}

const ng_writer ng_writer_cypher = {"cypher", "cypher", "Cypher script, idempotent MERGE (Neo4j cypher-shell)", NULL, write_cypher};
