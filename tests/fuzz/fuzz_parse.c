/* Fuzz target: the syntax layer on arbitrary bytes, as text (sentences,
 * tokens, tags, lemmas, dependencies) and as CoNLL-U. Every word must have
 * a head inside its sentence, exactly one root, and offsets inside the
 * text. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static void check_parsed(const ng_parsed *p, size_t size)
{
	for (size_t i = 0; i < ng_parsed_count(p); i++) {
		const ng_parse_sentence *s = ng_parsed_sentence(p, i);
		size_t roots = 0;
		for (size_t k = 0; k < s->n; k++) {
			const ng_parse_word *w = &s->words[k];
			if (w->head > s->n || w->head == k + 1 || w->start > w->end || w->end > size || !w->lemma ||
			    !w->upos || !w->deprel)
				abort();
			roots += w->head == 0;
		}
		if (s->n && roots != 1)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ng_extractor *ex = fuzz_extractor();
	const char *text = (const char *)data;
	ng_error err = NG_ERROR_INIT, err2 = NG_ERROR_INIT;
	ng_parsed *p = NULL;
	fuzz_check_error(ng_parse_text(ex, text, size, "fuzz.txt", &p, &err), &err);
	if (p)
		check_parsed(p, size);
	ng_parsed_free(p);
	p = NULL;
	fuzz_check_error(ng_parse_conllu(ex, text, size, "fuzz.conllu", &p, &err2), &err2);
	if (p)
		check_parsed(p, 0);
	ng_parsed_free(p);
	return 0;
}
