/* Entities: the statistical name typer (see typer.h). Input: a run of
 * tokens and its sentence. Output: a class and how sure the model is. */
#include "entities/typer.h"

#include <stdlib.h>
#include <string.h>

#include "syntax/model.h"
#include "util/embedded.h"

struct ng_typer {
	ng_model m;
	const int16_t *w;
	uint32_t bits;
};

/* Cue bits: the knowledge-base types of the word alone as a name (bits
 * 0-6, by ng_type), a demonym (7), a title (8), a head word of a body
 * (9-15, by type), then the word classes below, one bit each. */
#define CUE_ADJ 7
#define CUE_TITLE 8
#define CUE_HEAD 9
#define CUE_CLASS 16
static const int cue_classes[] = {
	NG_W_GIVEN_NAME, NG_W_COMPANY_NOUN, NG_W_ORGANIZATION_NOUN, NG_W_LOCATION_PREP, NG_W_LEGAL_SUFFIX,
	NG_W_PERSON_BEFORE, NG_W_PERSON_CUE, NG_W_SETTLEMENT, NG_W_COMMON, NG_W_NOT_NAME, NG_W_SPORT,
	NG_W_PLACE_PREP, NG_W_MONTH, NG_W_WEEKDAY, NG_W_HOME_NATION, NG_W_CONNECTOR,
};
_Static_assert(CUE_CLASS + sizeof cue_classes / sizeof *cue_classes <= 32, "cue bits fit 32 bits");

uint32_t ng_typer_cues(const ng_lexicon *lx, uint32_t wid)
{
	if (!wid)
		return 0;
	uint32_t bits = 0, node = ng_lexicon_next(lx, 0, wid);
	int32_t it = -2;
	for (const ng_value *v; node && (v = ng_lexicon_values(lx, node, &it));) {
		if (v->kind == NG_V_NAME)
			bits |= 1u << lx->entries[v->entry].type;
		else if (v->kind == NG_V_ADJ)
			bits |= 1u << CUE_ADJ;
		else if (v->kind == NG_V_TITLE)
			bits |= 1u << CUE_TITLE;
		else if (v->kind == NG_V_HEAD && v->arg >= 0 && v->arg < NG_NTYPES)
			bits |= 1u << (CUE_HEAD + v->arg);
	}
	for (size_t k = 0; k < sizeof cue_classes / sizeof *cue_classes; k++)
		if (ng_lexicon_is_wid(lx, wid, cue_classes[k]))
			bits |= 1u << (CUE_CLASS + k);
	return bits;
}

/* The feature templates. */
enum {
	T_BIAS = 1, T_WORD, T_FIRST, T_LAST, T_SUF3, T_SUF4, T_PRE3, T_FSUF3, T_SHAPE, T_LEN, T_P1, T_P2, T_N1,
	T_N2, T_P1N1, T_START, T_CAPS, T_CUE_IN, T_CUE_FIRST, T_CUE_LAST, T_CUE_P1, T_CUE_P2, T_CUE_N1,
	T_CUE_N2, T_P1SHAPE, T_START_SHAPE
};

/* A 64-bit finaliser: the bucket is taken from the top bits. */
static uint32_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return (uint32_t)(h >> 32);
}

static uint32_t feat_str(int tmpl, const char *s, size_t n)
{
	return mix(ng_hash(s, n) ^ (uint64_t)tmpl * 0x9e3779b97f4a7c15ull);
}

static uint32_t feat_num(int tmpl, uint64_t x)
{
	return mix((x + 1) * 0xbf58476d1ce4e5b9ull ^ (uint64_t)tmpl * 0x9e3779b97f4a7c15ull);
}

/* "Xx", "X", "X.", "Xx-Xx", "d": letters by case, digits, other bytes as
 * written, runs collapsed, at most 8 bytes. */
static size_t shape(const ng_typer_word *w, char *out)
{
	size_t n = 0;
	for (size_t i = 0; i < w->len && n < 8; i++) {
		unsigned char ch = (unsigned char)w->text[i];
		char k = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd'
		         : ch >= 0x80 ? 'x' : (char)ch;
		if (!n || out[n - 1] != k)
			out[n++] = k;
	}
	return n;
}

static int all_caps(const ng_typer_word *w)
{
	int upper = 0;
	for (size_t i = 0; i < w->len; i++) {
		if (w->text[i] >= 'a' && w->text[i] <= 'z')
			return 0;
		upper += w->text[i] >= 'A' && w->text[i] <= 'Z';
	}
	return upper > 1;
}

static const char *norm_at(const ng_typer_word *w, size_t n, size_t a, long d)
{
	long i = (long)a + d;
	return i < 0 ? "<s>" : i >= (long)n ? "</s>" : w[i].norm;
}

static uint32_t cues_at(const ng_typer_word *w, size_t n, size_t a, long d)
{
	long i = (long)a + d;
	return i < 0 || i >= (long)n ? 0 : w[i].cues;
}

#define RESERVE 24

static size_t cue_feats(int tmpl, uint32_t cues, uint32_t *f, size_t nf)
{
	/* room stays for the fixed features that follow (RESERVE) */
	for (int b = 0; b < 32 && nf < NG_TYPER_MAXFEAT - RESERVE; b++)
		if (cues >> b & 1)
			f[nf++] = feat_num(tmpl, (uint64_t)b);
	return nf;
}

static size_t affix(int tmpl, const char *s, size_t k, int tail, uint32_t *f, size_t nf)
{
	size_t l = strlen(s);
	if (l <= k)
		return nf;
	f[nf++] = feat_str(tmpl, tail ? s + l - k : s, k);
	return nf;
}

size_t ng_typer_features(const ng_typer_word *w, size_t n, size_t a, size_t b, uint32_t *f)
{
	size_t nf = 0, len = b - a, upto = len < NG_TYPER_MAXRUN ? b : a + NG_TYPER_MAXRUN;
	char shp[NG_TYPER_MAXRUN * 9], one[8];
	size_t ns = 0;
	int caps = 1;
	f[nf++] = feat_num(T_BIAS, 0);
	f[nf++] = feat_num(T_LEN, len < 5 ? len : 5);
	for (size_t i = a; i < upto; i++) {
		if (nf < NG_TYPER_MAXFEAT - RESERVE)
			f[nf++] = feat_str(T_WORD, w[i].norm, strlen(w[i].norm));
		nf = cue_feats(T_CUE_IN, w[i].cues, f, nf);
		size_t k = shape(&w[i], shp + ns);
		ns += k;
		shp[ns++] = ' ';
		caps &= all_caps(&w[i]);
	}
	const char *first = w[a].norm, *last = w[b - 1].norm;
	if (len > 1) {
		f[nf++] = feat_str(T_FIRST, first, strlen(first));
		f[nf++] = feat_str(T_LAST, last, strlen(last));
	}
	nf = affix(T_SUF3, last, 3, 1, f, nf);
	nf = affix(T_SUF4, last, 4, 1, f, nf);
	nf = affix(T_PRE3, first, 3, 0, f, nf);
	nf = affix(T_FSUF3, first, 3, 1, f, nf);
	f[nf++] = feat_str(T_SHAPE, shp, ns);
	f[nf++] = feat_num(T_CAPS, (uint64_t)caps);
	const char *p1 = norm_at(w, n, a, -1), *p2 = norm_at(w, n, a, -2);
	const char *n1 = norm_at(w, n, b - 1, 1), *n2 = norm_at(w, n, b - 1, 2);
	f[nf++] = feat_str(T_P1, p1, strlen(p1));
	f[nf++] = feat_str(T_P2, p2, strlen(p2));
	f[nf++] = feat_str(T_N1, n1, strlen(n1));
	f[nf++] = feat_str(T_N2, n2, strlen(n2));
	f[nf++] = feat_num(T_P1N1, ng_hash(p1, strlen(p1)) * 31 + ng_hash(n1, strlen(n1)));
	f[nf++] = feat_num(T_P1SHAPE, ng_hash(p1, strlen(p1)) * 31 + ng_hash(one, shape(&w[a], one)));
	/* a capital at the sentence start says less than one inside it */
	f[nf++] = feat_num(T_START, a == 0);
	f[nf++] = feat_num(T_START_SHAPE, (uint64_t)(a == 0) * 2 + (len > 1));
	if (len > 1) {
		nf = cue_feats(T_CUE_FIRST, w[a].cues, f, nf);
		nf = cue_feats(T_CUE_LAST, w[b - 1].cues, f, nf);
	}
	nf = cue_feats(T_CUE_P1, cues_at(w, n, a, -1), f, nf);
	nf = cue_feats(T_CUE_P2, cues_at(w, n, a, -2), f, nf);
	nf = cue_feats(T_CUE_N1, cues_at(w, n, b - 1, 1), f, nf);
	nf = cue_feats(T_CUE_N2, cues_at(w, n, b - 1, 2), f, nf);
	return nf;
}

int ng_typer_new(ng_typer **out, const unsigned char *data, size_t len, const char *name, ng_error *err)
{
	const void *meta = NULL, *w = NULL;
	size_t nmeta = 0, nw = 0;
	ng_typer *t = calloc(1, sizeof *t);
	*out = NULL;
	if (!t)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = ng_model_open(&t->m, data, len, name, "names", err);
	if (!rc)
		rc = ng_model_section(&t->m, "nermeta", 4, &meta, &nmeta, err);
	if (!rc)
		rc = ng_model_section(&t->m, "nerw", 2, &w, &nw, err);
	const uint32_t *mt = meta;
	if (!rc && (nmeta < 2 || mt[1] != NG_TYPER_NCLASS || mt[0] < 8 || mt[0] > 24 ||
	            nw != ((size_t)NG_TYPER_NCLASS << mt[0])))
		rc = ng_fail(err, NG_EINVAL, name, 0, "names model weights do not match their dimensions");
	if (rc) {
		free(t);
		return rc;
	}
	t->bits = mt[0];
	t->w = w;
	*out = t;
	return 0;
}

int ng_typer_new_embedded(ng_typer **out, ng_error *err)
{
	for (const ng_embedded *e = ng_embedded_models; e->name; e++)
		if (strcmp(e->name, "src/models/names.model") == 0)
			return ng_typer_new(out, e->data, e->len, e->name, err);
	*out = NULL;
	return ng_fail(err, NG_EINVAL, NULL, 0, "no names model compiled in");
}

void ng_typer_free(ng_typer *t)
{
	free(t);
}

int ng_typer_classify(const ng_typer *t, const uint32_t *f, size_t nf, int32_t *margin)
{
	int32_t score[NG_TYPER_NCLASS] = {0};
	for (size_t k = 0; k < nf; k++) {
		const int16_t *row = t->w + (size_t)(f[k] >> (32 - t->bits)) * NG_TYPER_NCLASS;
		for (int c = 0; c < NG_TYPER_NCLASS; c++)
			score[c] += row[c];
	}
	int best = 0, second = -1;
	for (int c = 1; c < NG_TYPER_NCLASS; c++)
		if (score[c] > score[best]) {
			second = best;
			best = c;
		} else if (second < 0 || score[c] > score[second])
			second = c;
	*margin = score[best] - score[second];
	return best;
}

int ng_typer_run(const ng_typer *t, const ng_lexicon *lx, const ng_doc *d, const ng_sentence *s, size_t a,
                 size_t b, int32_t *margin)
{
	/* the run and two words either side, within the sentence */
	size_t lo = a >= s->tok_begin + 2 ? a - 2 : s->tok_begin, hi = b + 2 <= s->tok_end ? b + 2 : s->tok_end;
	ng_typer_word w[NG_TYPER_MAXRUN + 4];
	if (hi - lo > sizeof w / sizeof *w)
		hi = lo + sizeof w / sizeof *w;
	if (b > hi)
		b = hi;
	for (size_t i = lo; i < hi; i++) {
		const ng_token *tk = &d->toks[i];
		w[i - lo] = (ng_typer_word){d->text + tk->start, tk->end - tk->start, ng_tok_norm(d, tk),
		                            ng_typer_cues(lx, d->wid[i])};
	}
	uint32_t f[NG_TYPER_MAXFEAT];
	size_t nf = ng_typer_features(w, hi - lo, a - lo, b - lo, f);
	return ng_typer_classify(t, f, nf, margin);
}
