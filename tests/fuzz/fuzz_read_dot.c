/* Fuzz target: the DOT graph reader (libcgraph's parser, then newsgraph's
 * reading of its attributes) on arbitrary bytes; whatever it accepts must
 * survive every writer. */
#include "fuzz.h"
#include "graph/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ng_error err = NG_ERROR_INIT;
	ng_graph *g;
	int rc = ng_graph_read_dot((const char *)data, size, "fuzz.dot", &g, &err);
	fuzz_check_error(rc, &err);
	if (!rc)
		fuzz_write_all(g);
	ng_graph_free(g);
	return 0;
}
