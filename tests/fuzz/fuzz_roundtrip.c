/* Fuzz target: extract arbitrary bytes, then run every writer; the JSON
 * written must read back and write again to the same bytes, and the DOT
 * written must read back (DOT keeps less, so only that it parses). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "graph/read.h"

/* Writes g with `format` into a malloc'd buffer; aborts on failure, since
 * the two formats checked here are implemented. */
static char *write_mem(const ng_graph *g, const char *format, size_t *len)
{
	char *buf = NULL;
	ng_error err = NG_ERROR_INIT;
	if (ng_write_mem(ng_writer_find(format), g, 0, NULL, &buf, len, &err)) {
		fprintf(stderr, "fuzz: %s writer failed: %s\n", format, err.message);
		abort();
	}
	return buf;
}

static ng_graph *read_back(const char *data, size_t len, const char *format)
{
	ng_error err = NG_ERROR_INIT;
	ng_graph *g;
	if (ng_graph_read(data, len, format, &g, &err)) {
		fprintf(stderr, "fuzz: %s written cannot be read back: %s\n", format, err.message);
		abort();
	}
	return g;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ng_article art = {"fuzz", "fuzz.txt", "2024-05-17"};
	ng_error err = NG_ERROR_INIT;
	ng_graph *g;
	if (ng_graph_new(&g, &err))
		abort();
	int rc = ng_extract(fuzz_extractor(), (const char *)data, size, &art, g, &err);
	fuzz_check_error(rc, &err);
	if (!rc) {
		fuzz_write_all(g);
		size_t n1, n2, nd;
		char *j1 = write_mem(g, "json", &n1);
		ng_graph *back = read_back(j1, n1, "json");
		char *j2 = write_mem(back, "json", &n2);
		if (n1 != n2 || memcmp(j1, j2, n1) != 0) {
			fprintf(stderr, "fuzz: JSON changed on a read and write:\n%s\n---\n%s\n", j1, j2);
			abort();
		}
		char *dot = write_mem(g, "dot", &nd);
		ng_graph_free(read_back(dot, nd, "dot"));
		free(dot);
		free(j2);
		ng_graph_free(back);
		free(j1);
	}
	ng_graph_free(g);
	return 0;
}
