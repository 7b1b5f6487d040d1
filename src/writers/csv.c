/* Writer: CSV (stub; being written). */
#include "../graph.h"
#include "writers.h"

static int write_csv(const ng_graph *g, FILE *out, int part, const ng_write_opts *opts, ng_error *err)
{
	(void)g;
	(void)out;
	(void)part;
	(void)opts;
	return ng_fail(err, NG_EINVAL, NULL, 0, "format not implemented yet");
}

static const char *const csv_parts[] = {"nodes.csv", "edges.csv", NULL};
const ng_writer ng_writer_csv = {"csv", "csv", "nodes.csv + edges.csv for neo4j-admin import (-o DIR)", csv_parts, write_csv};
