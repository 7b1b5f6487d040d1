/* Fuzz target: the rule-file parser and pattern compiler (what
 * ng_extractor_add_rules runs) on arbitrary bytes; then the rules run over
 * a short article, bounded by the pcre2 match and depth limits. */
#include <stdlib.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Fresh rules per input, beside the shared extractor's lexicon: adding
	 * to one extractor would grow it without end. The copy only reads the
	 * lexicon, as ng_extract does. */
	ng_extractor fx = {fuzz_extractor()->lx, {0}};
	ng_error err = NG_ERROR_INIT;
	if (ng_rules_init(&fx.rs))
		abort();
	int rc = ng_rules_load(&fx.rs, "fuzz.rules", (const char *)data, size, &err);
	if (!rc)
		rc = ng_rules_index(&fx.rs, &err);
	fuzz_check_error(rc, &err);
	/* A bad file adds no rule: the extractor stays usable. */
	if (rc && fx.rs.n)
		abort();
	fuzz_extract_article(&fx);
	ng_rules_free(&fx.rs);
	return 0;
}
