/* Writer: RDF (stub; being written). */
#include "../graph.h"
#include "writers.h"

static int write_nt(const ng_graph *g, FILE *out, int part, const ng_write_opts *opts, ng_error *err)
{
	(void)g;
	(void)out;
	(void)part;
	(void)opts;
	return ng_fail(err, NG_EINVAL, NULL, 0, "format not implemented yet");
}

const ng_writer ng_writer_nt = {"nt", "nt", "RDF N-Triples (--base-iri)", NULL, write_nt};
const ng_writer ng_writer_ttl = {"ttl", "ttl", "RDF Turtle (--base-iri)", NULL, write_nt};
