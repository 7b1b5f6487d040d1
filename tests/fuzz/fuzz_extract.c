/* Fuzz target: the whole extract pipeline on arbitrary bytes (text check,
 * sentences, tokens, entities, rules, graph), plus the entities and explain
 * outputs that share it. */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ng_extractor *ex = fuzz_extractor();
	const char *text = (const char *)data;
	ng_article art = {"fuzz", "fuzz.txt", "2024-05-17"};
	ng_error err = NG_ERROR_INIT;
	ng_graph *g;
	if (ng_graph_new(&g, &err))
		abort();
	fuzz_check_error(ng_extract(ex, text, size, &art, g, &err), &err);
	ng_graph_free(g);
	ng_error err2 = NG_ERROR_INIT, err3 = NG_ERROR_INIT;
	fuzz_check_error(ng_extract_mentions(ex, text, size, &art, fuzz_null(), 1, &err2), &err2);
	fuzz_check_error(ng_extract_explain(ex, text, size, &art, fuzz_null(), &err3), &err3);
	return 0;
}
