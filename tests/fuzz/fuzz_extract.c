/* Fuzz target: the whole extract pipeline on arbitrary bytes (text check,
 * sentences, tokens, entities, rules, graph), plus the mentions and the
 * trace that share it. */
#include <stdlib.h>
#include <string.h>

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
	ng_mentions *ms = NULL;
	ng_trace *t = NULL;
	fuzz_check_error(ng_extract_mentions(ex, text, size, &art, &ms, &err2), &err2);
	fuzz_check_error(ng_extract_trace(ex, text, size, &art, &t, &err3), &err3);
	/* every offset lies inside the text, every reading's rules inside it */
	for (size_t i = 0; i < ng_mentions_count(ms); i++) {
		const ng_mention_info *m = ng_mentions_get(ms, i);
		if (m->start > m->end || m->end > size || !m->node || !m->article)
			abort();
	}
	for (size_t i = 0; i < ng_trace_count(t); i++) {
		const ng_trace_sentence *s = ng_trace_get(t, i);
		for (size_t k = 0; k < s->nrules; k++)
			if (s->rules[k].start > s->rules[k].end || s->rules[k].end > strlen(s->form))
				abort();
	}
	ng_mentions_free(ms);
	ng_trace_free(t);
	return 0;
}
