/* Training tools: learning lemma rules. Input: (form, tag, lemma) from the
 * training sentences. Output: per tag and word ending (up to
 * NG_LEMMA_MAXSUF bytes), the rewrite most word types with that ending
 * take; then, as exceptions, the forms those rules get wrong. */
#include "train/train_lemma.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A distinct (tag, form) with its most frequent lemma. */
typedef struct wtype {
	int upos;
	const char *form, *lemma;
} wtype;

/* One (tag, ending, rewrite) and how many word types take it. */
typedef struct cand {
	char *key; /* tag, ending */
	char *rule; /* lower, strip, append: the rewrite's identity */
	int lower;
	size_t strip;
	const char *append;
	size_t count;
} cand;

static uint32_t pooled(ng_lemma_tables *t, const char *s)
{
	void **v = ng_map_put(&t->pooled, s, strlen(s));
	if (!v)
		return UINT32_MAX;
	if (!*v) {
		*v = (void *)(uintptr_t)(t->pool.len + 1);
		if (ng_buf_add(&t->pool, s, strlen(s) + 1))
			return UINT32_MAX;
	}
	return (uint32_t)((uintptr_t)*v - 1);
}

static char *lower_dup(const char *s)
{
	char *d = ng_strdup(s);
	for (char *p = d; p && *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return d;
}

/* The most frequent lemma of each (tag, form), counted over tokens; ties go
 * to the smaller string, so the choice does not depend on map order. */
static int collect_types(const ng_train_corpus *c, wtype **out, size_t *nout)
{
	ng_map counts = {0};
	ng_buf k = {0};
	int rc = 0;
	for (size_t s = 0; s < c->nsents && !rc; s++)
		for (size_t i = 0; i < c->sents[s]->n && !rc; i++) {
			const ng_ud_word *w = &c->sents[s]->words[i];
			if (w->upos < 0 || !*w->lemma || !*w->form)
				continue;
			k.len = 0;
			void **v = ng_buf_printf(&k, "%c%s%c%s", 'A' + w->upos, w->form, 1, w->lemma) ? NULL
			                                                                                : ng_map_put(&counts, k.s, k.len);
			if (!v)
				rc = NG_ENOMEM;
			else
				*v = (void *)((uintptr_t)*v + 1);
		}
	char **keys = rc ? NULL : malloc((counts.n + 1) * sizeof *keys);
	size_t nk = 0;
	if (!rc && !keys)
		rc = NG_ENOMEM;
	for (size_t i = 0; !rc && i < counts.cap; i++)
		if (counts.keys[i])
			keys[nk++] = counts.keys[i];
	if (!rc)
		ng_sort(keys, nk, sizeof *keys, ng_cmpstr);
	wtype *ts = rc ? NULL : calloc(nk + 1, sizeof *ts);
	size_t nt = 0, best = 0;
	if (!rc && !ts)
		rc = NG_ENOMEM;
	for (size_t i = 0; !rc && i < nk; i++) {
		char *sep = strchr(keys[i], 1);
		size_t n = (size_t)(uintptr_t)ng_map_get(&counts, keys[i], strlen(keys[i]));
		int same = nt && ts[nt - 1].upos == keys[i][0] - 'A' &&
		           strncmp(ts[nt - 1].form, keys[i] + 1, (size_t)(sep - keys[i] - 1)) == 0 &&
		           ts[nt - 1].form[sep - keys[i] - 1] == 0;
		if (same && n <= best)
			continue;
		char *form = ng_strndup(keys[i] + 1, (size_t)(sep - keys[i] - 1)), *lemma = ng_strdup(sep + 1);
		if (!form || !lemma) {
			free(form);
			free(lemma);
			rc = NG_ENOMEM;
			break;
		}
		if (same) {
			free((char *)ts[nt - 1].form);
			free((char *)ts[nt - 1].lemma);
			nt--;
		}
		ts[nt++] = (wtype){keys[i][0] - 'A', form, lemma};
		best = n;
	}
	free(keys);
	ng_map_free(&counts);
	ng_buf_free(&k);
	*out = ts;
	*nout = nt;
	return rc;
}

static void free_types(wtype *ts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)ts[i].form);
		free((char *)ts[i].lemma);
	}
	free(ts);
}

static int cmp_cand(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->rule, y->rule);
}

static int cmp_rule(const void *a, const void *b)
{
	uint64_t x = ((const ng_lemma_rule *)a)->key, y = ((const ng_lemma_rule *)b)->key;
	return x < y ? -1 : x > y;
}

static int cmp_exc(const void *a, const void *b)
{
	uint64_t x = ((const ng_lemma_exc *)a)->key, y = ((const ng_lemma_exc *)b)->key;
	return x < y ? -1 : x > y;
}

/* Counts each type's rewrite under every ending of its form. */
static int count_candidates(const wtype *ts, size_t nt, ng_map *m)
{
	ng_buf k = {0};
	int rc = 0;
	for (size_t i = 0; i < nt && !rc; i++) {
		int lower;
		size_t strip, alen, n = strlen(ts[i].form);
		ng_lemma_derive(ts[i].form, ts[i].lemma, &lower, &strip, &alen);
		char *low = lower_dup(ts[i].form);
		for (size_t l = 0; low && l <= n && l <= NG_LEMMA_MAXSUF && !rc; l++) {
			k.len = 0;
			void **v = ng_buf_printf(&k, "%c%s%c%d%c%zu%c%s", 'A' + ts[i].upos, low + n - l, 1, lower, 1, strip, 1,
			                         ts[i].lemma + strlen(ts[i].lemma) - alen)
			             ? NULL
			             : ng_map_put(m, k.s, k.len);
			if (!v)
				rc = NG_ENOMEM;
			else
				*v = (void *)((uintptr_t)*v + 1);
		}
		if (!low)
			rc = NG_ENOMEM;
		free(low);
	}
	ng_buf_free(&k);
	return rc;
}

/* Splits each counted "tag ending \1 lower \1 strip \1 append" into a cand. */
static int make_cands(const ng_map *m, cand **out, size_t *nout)
{
	cand *cs = calloc(m->n + 1, sizeof *cs);
	size_t n = 0;
	if (!cs)
		return NG_ENOMEM;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		char *key = m->keys[i], *s1 = strchr(key, 1);
		cs[n] = (cand){ng_strndup(key, (size_t)(s1 - key)), s1 + 1, s1[1] == '1', 0, NULL,
		               (size_t)(uintptr_t)m->vals[i]};
		char *s2 = strchr(s1 + 1, 1), *s3 = strchr(s2 + 1, 1);
		cs[n].strip = (size_t)strtoul(s2 + 1, NULL, 10);
		cs[n].append = s3 + 1;
		if (!cs[n++].key) {
			*out = cs;
			*nout = n;
			return NG_ENOMEM;
		}
	}
	ng_sort(cs, n, sizeof *cs, cmp_cand);
	*out = cs;
	*nout = n;
	return 0;
}

/* Keeps, per (tag, ending) seen with at least two word types (one is no
 * evidence for a rule; the exceptions cover it), the most frequent rule. */
static int pick_rules(ng_lemma_tables *t, const cand *cs, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i, types = 0;
		while (j < n && strcmp(cs[j].key, cs[i].key) == 0)
			types += cs[j++].count;
		size_t elen = strlen(cs[i].key) - 1;
		if (types >= 2 || elen == 0) {
			ng_lemma_rule *r = NG_PUSH(t->rules, t->nrules, t->crules);
			uint32_t a = pooled(t, cs[i].append);
			if (!r || a == UINT32_MAX || cs[i].strip > UINT16_MAX)
				return NG_ENOMEM;
			*r = (ng_lemma_rule){ng_lemma_key(cs[i].key[0] - 'A', cs[i].key + 1, elen), (uint16_t)cs[i].strip,
			                     (uint8_t)cs[i].lower, 0, a};
		}
		i = j;
	}
	ng_sort(t->rules, t->nrules, sizeof *t->rules, cmp_rule);
	return 0;
}

/* The forms the rules alone get wrong become exceptions. */
static int add_exceptions(ng_lemma_tables *t, const wtype *ts, size_t nt)
{
	ng_buf out = {0};
	int rc = 0;
	for (size_t i = 0; i < nt && !rc; i++) {
		ng_lemmatizer l = {t->rules, t->nrules, NULL, 0, t->pool.s, t->pool.len};
		if (ng_lemmatize(&l, ts[i].form, ts[i].upos, &out)) {
			rc = NG_ENOMEM;
			break;
		}
		if (strcmp(out.s, ts[i].lemma) == 0)
			continue;
		ng_lemma_exc *e = NG_PUSH(t->exc, t->nexc, t->cexc);
		uint32_t f = pooled(t, ts[i].form), lm = pooled(t, ts[i].lemma);
		if (!e || f == UINT32_MAX || lm == UINT32_MAX)
			rc = NG_ENOMEM;
		else
			*e = (ng_lemma_exc){ng_lemma_key(ts[i].upos + 32, ts[i].form, strlen(ts[i].form)), f, lm};
	}
	ng_buf_free(&out);
	ng_sort(t->exc, t->nexc, sizeof *t->exc, cmp_exc);
	return rc;
}

int ng_lemma_train(ng_lemma_tables *t, const ng_train_corpus *c, ng_error *err)
{
	wtype *ts = NULL;
	size_t nt = 0, nc = 0;
	cand *cs = NULL;
	ng_map m = {0};
	memset(t, 0, sizeof *t);
	/* Offset 0 is the empty string, the most frequent ending. */
	int rc = pooled(t, "") == UINT32_MAX ? NG_ENOMEM : collect_types(c, &ts, &nt);
	if (!rc)
		rc = count_candidates(ts, nt, &m);
	if (!rc)
		rc = make_cands(&m, &cs, &nc);
	if (!rc)
		rc = pick_rules(t, cs, nc);
	if (!rc)
		rc = add_exceptions(t, ts, nt);
	for (size_t i = 0; i < nc; i++)
		free(cs[i].key);
	free(cs);
	ng_map_free(&m);
	free_types(ts, nt);
	return rc ? ng_fail(err, rc, NULL, 0, "out of memory learning lemmas") : 0;
}

void ng_lemma_tables_free(ng_lemma_tables *t)
{
	free(t->rules);
	free(t->exc);
	ng_buf_free(&t->pool);
	ng_map_free(&t->pooled);
	memset(t, 0, sizeof *t);
}
