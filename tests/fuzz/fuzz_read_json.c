/* Fuzz target: the JSON graph reader (SCHEMA.md format version 1) on
 * arbitrary bytes; whatever it accepts must survive a merge and every
 * writer. */
#include <stdlib.h>

#include "fuzz.h"
#include "graph/read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ng_error err = NG_ERROR_INIT;
	ng_graph *g, *m;
	int rc = ng_graph_read_json((const char *)data, size, "fuzz.json", &g, &err);
	fuzz_check_error(rc, &err);
	if (rc)
		return 0;
	if (ng_graph_new(&m, &err))
		abort();
	fuzz_check_error(ng_graph_merge(m, g, &err), &err);
	fuzz_write_all(m);
	ng_graph_free(m);
	ng_graph_free(g);
	return 0;
}
