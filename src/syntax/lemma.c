/* Syntax layer: lemmas (see lemma.h). Input: a form and its tag. Output:
 * the lemma, from the irregular-form table, else the longest ending rule. */
#include "syntax/lemma.h"

#include <string.h>

#include "syntax/conllu.h"

uint64_t ng_lemma_key(int kind, const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)(unsigned)kind;
	h *= 1099511628211ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static size_t common_prefix(const char *a, const char *b, int lower)
{
	size_t i = 0;
	while (a[i] && b[i]) {
		char c = a[i];
		if (lower && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != b[i])
			break;
		i++;
	}
	return i;
}

void ng_lemma_derive(const char *form, const char *lemma, int *lower, size_t *strip, size_t *append_len)
{
	size_t keep = common_prefix(form, lemma, 0), low = common_prefix(form, lemma, 1);
	/* Lower-casing whenever it explains as much of the lemma: a lower-case
	 * noun then teaches the rule for its capitalised form ("Talks" ->
	 * "talk"), while names, which lower-casing would break, keep theirs. */
	*lower = low >= keep;
	if (*lower)
		keep = low;
	*strip = strlen(form) - keep;
	*append_len = strlen(lemma) - keep;
}

int ng_lemmatizer_open(ng_lemmatizer *l, const ng_model *m, ng_error *err)
{
	const void *r, *e, *p;
	int rc = ng_model_section(m, "lemrule", sizeof(ng_lemma_rule), &r, &l->nrules, err);
	if (!rc)
		rc = ng_model_section(m, "lemexc", sizeof(ng_lemma_exc), &e, &l->nexc, err);
	if (!rc)
		rc = ng_model_section(m, "lemstr", 1, &p, &l->npool, err);
	if (rc)
		return rc;
	l->rules = r;
	l->exc = e;
	l->pool = p;
	if (!l->npool || l->pool[l->npool - 1])
		return ng_fail(err, NG_EINVAL, m->name, 0, "lemma string pool not NUL-terminated");
	for (size_t i = 0; i < l->nrules; i++)
		if (l->rules[i].append >= l->npool)
			return ng_fail(err, NG_EINVAL, m->name, 0, "lemma rule %zu points outside the pool", i);
	for (size_t i = 0; i < l->nexc; i++)
		if (l->exc[i].form >= l->npool || l->exc[i].lemma >= l->npool)
			return ng_fail(err, NG_EINVAL, m->name, 0, "lemma exception %zu points outside the pool", i);
	return 0;
}

/* Binary search over 16-byte records whose first field is the key. */
static const void *find(const void *base, size_t n, size_t size, uint64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k = *(const uint64_t *)((const char *)base + mid * size);
		if (k == key)
			return (const char *)base + mid * size;
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int apply(const ng_lemma_rule *r, const char *form, size_t n, const char *pool, ng_buf *out)
{
	out->len = 0;
	if (ng_buf_add(out, form, n - r->strip) || ng_buf_adds(out, pool + r->append))
		return NG_ENOMEM;
	if (r->lower)
		for (size_t i = 0; i < n - r->strip; i++)
			if (out->s[i] >= 'A' && out->s[i] <= 'Z')
				out->s[i] = (char)(out->s[i] - 'A' + 'a');
	return 0;
}

static const char *exception(const ng_lemmatizer *l, const char *form, size_t n, int upos)
{
	const ng_lemma_exc *e = find(l->exc, l->nexc, sizeof *e, ng_lemma_key(upos + 32, form, n));
	return e && strcmp(l->pool + e->form, form) == 0 ? l->pool + e->lemma : NULL;
}

/* The irregular form's lemma, or NULL. A capitalised form missing from the
 * table is looked up in lower case ("Did" at a sentence start -> "do"),
 * names aside: their lemma keeps the capitals. */
static const char *irregular(const ng_lemmatizer *l, const char *form, size_t n, int upos)
{
	const char *lemma = exception(l, form, n, upos);
	if (lemma || upos == NG_PROPN || n >= 64)
		return lemma;
	char low[64];
	int changed = 0;
	for (size_t i = 0; i <= n; i++) {
		low[i] = form[i] >= 'A' && form[i] <= 'Z' ? (char)(form[i] - 'A' + 'a') : form[i];
		changed |= low[i] != form[i];
	}
	return changed ? exception(l, low, n, upos) : NULL;
}

int ng_lemmatize(const ng_lemmatizer *l, const char *form, int upos, ng_buf *out)
{
	size_t n = strlen(form);
	out->len = 0;
	const char *lemma = irregular(l, form, n, upos);
	if (lemma)
		return ng_buf_adds(out, lemma);
	char low[NG_LEMMA_MAXSUF];
	for (size_t k = n < NG_LEMMA_MAXSUF ? n : NG_LEMMA_MAXSUF;; k--) {
		for (size_t i = 0; i < k; i++) {
			char c = form[n - k + i];
			low[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		}
		const ng_lemma_rule *r = find(l->rules, l->nrules, sizeof *r, ng_lemma_key(upos, low, k));
		if (r && r->strip <= n)
			return apply(r, form, n, l->pool, out);
		if (k == 0)
			break;
	}
	return ng_buf_add(out, form, n);
}
