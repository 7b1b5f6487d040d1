/* Syntax layer: the part-of-speech tagger (see tag.h). Input: the forms of
 * a sentence. Output: their universal tags, chosen left to right, each
 * seeing the two tags before it. */
#include "syntax/tag.h"

#include <stdlib.h>
#include <string.h>

#include "syntax/conllu.h"
#include "util/embedded.h"

struct ng_tagger {
	ng_model m;
	const int16_t *w;
	uint32_t bits;
	const uint32_t *lex;
	size_t nlex;
	ng_lemmatizer lem;
};

static uint32_t fnv(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* A full-avalanche mix: the bucket is taken from the top bits. */
static uint32_t mix(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

static uint32_t feat(uint32_t tmpl, uint32_t a, uint32_t b)
{
	return mix(mix(tmpl * 0x9e3779b1u ^ a) + b * 0x85ebca77u);
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

uint32_t ng_tag_word_hash(const char *form)
{
	uint32_t h = 2166136261u;
	for (const char *s = form; *s; s++) {
		h ^= (unsigned char)lower(*s);
		h *= 16777619u;
	}
	return h;
}

/* Collapsed shape: X upper, x lower, d digit, u any other non-ASCII byte
 * run, punctuation itself; runs of one class count once ("Xx", "d.d"). */
static uint32_t shape(const char *form)
{
	char s[32];
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)form; *p && n < sizeof s; p++) {
		char c = *p >= 'A' && *p <= 'Z'   ? 'X'
		         : *p >= 'a' && *p <= 'z' ? 'x'
		         : *p >= '0' && *p <= '9' ? 'd'
		         : *p >= 0x80             ? 'u'
		                                  : (char)*p;
		if (!n || s[n - 1] != c)
			s[n++] = c;
	}
	return fnv(2166136261u, s, n);
}

/* The byte length of the last k UTF-8 characters of s (length n). */
static size_t tail_bytes(const char *s, size_t n, size_t k)
{
	size_t i = n;
	while (k-- && i > 0) {
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
	}
	return n - i;
}

static size_t head_bytes(const char *s, size_t n, size_t k)
{
	size_t i = 0;
	while (k-- && i < n) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
	}
	return i;
}

static uint32_t lex_class(const uint32_t *lex, size_t nlex, uint32_t h)
{
	size_t lo = 0, hi = nlex;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lex[2 * mid] == h)
			return lex[2 * mid + 1];
		if (lex[2 * mid] < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

void ng_tag_word_init(ng_tag_word *w, const char *form, const uint32_t *lex, size_t nlex)
{
	char low[64];
	size_t n = strlen(form);
	/* Affixes come from the first 64 bytes: longer tokens are URLs and the
	 * like, whose shape says enough. */
	size_t m = n < sizeof low ? n : sizeof low;
	for (size_t i = 0; i < m; i++)
		low[i] = lower(form[i]);
	w->w = ng_tag_word_hash(form);
	w->shape = shape(form);
	w->cls = lex_class(lex, nlex, w->w);
	w->cap = form[0] >= 'A' && form[0] <= 'Z';
	for (size_t k = 0; k < 4; k++) {
		size_t t = tail_bytes(low, m, k + 1), h = head_bytes(low, m, k + 1);
		w->suf[k] = fnv(2166136261u, low + m - t, t);
		w->pre[k] = fnv(2166136261u, low, h);
	}
}

/* Outside the sentence: fixed stand-ins, distinct per side. */
static const ng_tag_word before = {0x5eed0001u, 1, 0x40000000u, {1, 1, 1, 1}, {1, 1, 1, 1}, 0};
static const ng_tag_word after = {0x5eed0002u, 2, 0x40000001u, {2, 2, 2, 2}, {2, 2, 2, 2}, 0};

static const ng_tag_word *at(const ng_tag_word *ws, size_t n, size_t i, int d)
{
	if (d < 0 && i < (size_t)-d)
		return &before;
	if (d > 0 && i + (size_t)d >= n)
		return &after;
	return &ws[(ptrdiff_t)i + d];
}

/* The templates, in order: a bias; the word, its affixes and shape (what
 * carries over to words never seen in training, frequent in news); two
 * words on each side; the ambiguity classes of the word and of those to its
 * right, whose tags are not chosen yet; the two tags before, alone and with
 * the word. Each template's number goes into its hash, so that equal
 * values in different templates fall in different buckets. */
size_t ng_tag_features(const ng_tag_word *ws, size_t n, size_t i, int p1, int p2, uint32_t *f)
{
	const ng_tag_word *w = &ws[i], *l1 = at(ws, n, i, -1), *l2 = at(ws, n, i, -2), *r1 = at(ws, n, i, 1),
	                  *r2 = at(ws, n, i, 2);
	size_t k = 0;
	uint32_t t = 0;
	f[k++] = feat(++t, 0, 0);
	f[k++] = feat(++t, w->w, 0);
	for (int a = 0; a < 4; a++) {
		f[k++] = feat(++t, w->suf[a], 0);
		f[k++] = feat(++t, w->pre[a], 0);
	}
	f[k++] = feat(++t, w->shape, 0);
	f[k++] = feat(++t, w->shape, (uint32_t)(w->cap * 2 + (i == 0)));
	f[k++] = feat(++t, l1->w, 0);
	f[k++] = feat(++t, l2->w, 0);
	f[k++] = feat(++t, r1->w, 0);
	f[k++] = feat(++t, r2->w, 0);
	f[k++] = feat(++t, l1->suf[2], 0);
	f[k++] = feat(++t, r1->suf[2], 0);
	f[k++] = feat(++t, r1->suf[1], 0);
	f[k++] = feat(++t, l1->shape, 0);
	f[k++] = feat(++t, r1->shape, 0);
	f[k++] = feat(++t, w->cls, 0);
	f[k++] = feat(++t, r1->cls, 0);
	f[k++] = feat(++t, r2->cls, 0);
	f[k++] = feat(++t, w->cls, r1->cls);
	f[k++] = feat(++t, l1->w, w->w);
	f[k++] = feat(++t, w->w, r1->w);
	f[k++] = feat(++t, (uint32_t)p1, 0);
	f[k++] = feat(++t, (uint32_t)p2, 0);
	f[k++] = feat(++t, (uint32_t)p1, (uint32_t)p2);
	f[k++] = feat(++t, (uint32_t)p1, w->w);
	f[k++] = feat(++t, (uint32_t)p1, w->suf[2]);
	f[k++] = feat(++t, (uint32_t)p1, w->cls);
	f[k++] = feat(++t, (uint32_t)p1, r1->w);
	f[k++] = feat(++t, r1->w, r2->w);
	f[k++] = feat(++t, w->w, r1->cls);
	f[k++] = feat(++t, (uint32_t)p1, w->shape);
	/* Capitals around a word: a common noun inside a name ("Space Shuttle
	 * Discovery") is tagged as part of the name. */
	uint32_t caps = (uint32_t)(l1->cap * 8 + w->cap * 4 + r1->cap * 2 + (i == 0));
	f[k++] = feat(++t, w->cls, caps);
	f[k++] = feat(++t, w->w, caps);
	return k;
}

int ng_tagger_new(ng_tagger **out, const unsigned char *data, size_t len, const char *name, ng_error *err)
{
	const void *meta, *w, *lex;
	size_t nmeta, nw;
	ng_tagger *t = calloc(1, sizeof *t);
	*out = NULL;
	if (!t)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = ng_model_open(&t->m, data, len, name, "tagger", err);
	if (!rc)
		rc = ng_model_section(&t->m, "tagmeta", 4, &meta, &nmeta, err);
	if (!rc)
		rc = ng_model_section(&t->m, "tagw", 2, &w, &nw, err);
	if (!rc)
		rc = ng_model_section(&t->m, "taglex", 8, &lex, &t->nlex, err);
	if (!rc)
		rc = ng_lemmatizer_open(&t->lem, &t->m, err);
	if (!rc && (nmeta < 2 || ((const uint32_t *)meta)[1] != NG_NUPOS || ((const uint32_t *)meta)[0] < 8 ||
	            ((const uint32_t *)meta)[0] > 24 || nw != ((size_t)NG_NUPOS << ((const uint32_t *)meta)[0])))
		rc = ng_fail(err, NG_EINVAL, name, 0, "tagger weights do not match their dimensions");
	if (rc) {
		free(t);
		return rc;
	}
	t->bits = ((const uint32_t *)meta)[0];
	t->w = w;
	t->lex = lex;
	*out = t;
	return 0;
}

int ng_tagger_new_embedded(ng_tagger **out, ng_error *err)
{
	for (const ng_embedded *e = ng_embedded_models; e->name; e++)
		if (strcmp(e->name, "src/models/tagger.model") == 0)
			return ng_tagger_new(out, e->data, e->len, e->name, err);
	*out = NULL;
	return ng_fail(err, NG_EINVAL, NULL, 0, "no tagger model compiled in");
}

void ng_tagger_free(ng_tagger *t)
{
	free(t);
}

const ng_lemmatizer *ng_tagger_lemmatizer(const ng_tagger *t)
{
	return &t->lem;
}

int ng_tagger_tag(const ng_tagger *t, const char *const *forms, size_t n, int *upos, ng_error *err)
{
	ng_tag_word *ws = malloc((n ? n : 1) * sizeof *ws);
	if (!ws)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; i < n; i++)
		ng_tag_word_init(&ws[i], forms[i], t->lex, t->nlex);
	uint32_t f[NG_TAG_MAXFEAT];
	for (size_t i = 0; i < n; i++) {
		int p1 = i > 0 ? upos[i - 1] : NG_NUPOS, p2 = i > 1 ? upos[i - 2] : NG_NUPOS;
		size_t nf = ng_tag_features(ws, n, i, p1, p2, f);
		int32_t score[NG_NUPOS] = {0};
		for (size_t k = 0; k < nf; k++) /* overlap the scattered rows' cache misses */
			__builtin_prefetch(t->w + (size_t)(f[k] >> (32 - t->bits)) * NG_NUPOS);
		for (size_t k = 0; k < nf; k++) {
			const int16_t *row = t->w + (size_t)(f[k] >> (32 - t->bits)) * NG_NUPOS;
			for (int c = 0; c < NG_NUPOS; c++)
				score[c] += row[c];
		}
		int best = 0;
		for (int c = 1; c < NG_NUPOS; c++)
			if (score[c] > score[best])
				best = c;
		upos[i] = best;
	}
	free(ws);
	return 0;
}
