/* Evaluation against a gold graph (placeholder until written). */
#include "eval.h"
#include "util.h"

int ng_eval(const char *gold, size_t gold_len, const char *gold_name, const char *pred, size_t pred_len,
            const char *pred_name, int verbose, FILE *out, ng_error *err)
{
	(void)gold, (void)gold_len, (void)gold_name, (void)pred, (void)pred_len, (void)pred_name, (void)verbose, (void)out;
	return ng_fail(err, NG_EINVAL, NULL, 0, "eval is not built yet");
}
