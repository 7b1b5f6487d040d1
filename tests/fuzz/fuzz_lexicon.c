/* Fuzz target: the lexicon parser (what ng_extractor_add_lexicon runs) on
 * arbitrary bytes; a lexicon it accepts then drives entity recognition and
 * linking over a short article with the embedded rules. */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A fresh lexicon per input (the embedded one takes too long to load
	 * per run), beside the shared extractor's rules, which ng_extract only
	 * reads. */
	ng_extractor fx = {{0}, fuzz_extractor()->rs};
	ng_error err = NG_ERROR_INIT;
	if (ng_lexicon_init(&fx.lx))
		abort();
	int rc = ng_lexicon_load(&fx.lx, "fuzz.lex", (const char *)data, size, &err);
	fuzz_check_error(rc, &err);
	if (!rc)
		fuzz_extract_article(&fx);
	ng_lexicon_free(&fx.lx);
	return 0;
}
