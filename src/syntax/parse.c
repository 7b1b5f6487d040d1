/* Syntax layer: dependency parsing (see parse.h). Input: word forms and
 * UPOS tags. Output: heads and relations. The arc-hybrid system (Kuhlmann
 * et al. 2011) with the root at the end of the buffer, features in the
 * style of Zhang & Nivre (2011), hashed into fixed tables of int16 weights
 * read in place from the model bytes. */
#include "syntax/parse.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "syntax/conllu.h"
#include "util/util.h"

static const char magic[8] = {'N', 'G', 'P', 'A', 'R', 'S', 'E', '1'};
enum { HDR_WORDS = 7 }; /* after the magic: version, header, labels, bits, label bytes, vocabulary */

struct ng_parser {
	const unsigned char *action, *labelw; /* int16 little-endian rows */
	const char *header;
	const char **names;
	ng_pvocab vocab;
	int nlabels, root;
	uint64_t subj;
};

/* ---- Configurations ---- */

/* Lowercased, digits folded to 0: "1,250" and "3,000" share their rows. */
uint64_t ng_parse_word_hash(const char *form)
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *s = form; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c >= '0' && c <= '9')
			c = '0';
		h = (h ^ c) * 1099511628211ULL;
	}
	return h;
}

uint64_t ng_parse_subject_mask(const char *const *labels, int n)
{
	uint64_t m = 0;
	for (int i = 0; i < n && i < NG_PARSE_MAX_LABELS; i++)
		if (!strncmp(labels[i], "nsubj", 5) || !strncmp(labels[i], "csubj", 5))
			m |= 1ULL << i;
	return m;
}

static int known(const ng_pvocab *v, uint64_t h)
{
	size_t lo = 0, hi = v->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t x;
		memcpy(&x, v->hashes + 8 * mid, sizeof x);
		if (x == h)
			return 1;
		if (x < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Words outside the vocabulary share rows by shape (capitalised, all
 * capitals, digit, hyphen): their own hashed rows would hold only the
 * weights of whatever features collide with them. */
static uint64_t word_id(const ng_pvocab *v, const char *form)
{
	uint64_t h = ng_parse_word_hash(form);
	if (!v || known(v, h))
		return h;
	unsigned shape = 0, upper = 0, n = 0;
	for (const char *s = form; *s; s++, n++) {
		upper += *s >= 'A' && *s <= 'Z';
		shape |= (*s >= '0' && *s <= '9') << 2 | (*s == '-') << 3;
	}
	shape |= (form[0] >= 'A' && form[0] <= 'Z') | (n > 1 && upper == n) << 1;
	return 0x756e6b00ULL + shape;
}

int ng_pstate_init(ng_pstate *s, ng_pmem *m, const ng_pvocab *v, const char *const *forms, const int *upos,
                   int n)
{
	size_t k = (size_t)n + 1;
	/* 10 int arrays (the tags among them), 2 label sets, words, suffixes */
	size_t bytes = k * (10 * sizeof(int) + 4 * sizeof(uint64_t));
	memset(m, 0, sizeof *m);
	if (!(m->block = malloc(bytes)))
		return NG_ENOMEM;
	uint64_t *u = m->block;
	s->lset = u;
	s->rset = u + k;
	m->word = u + 2 * k;
	m->suf = u + 3 * k;
	int *a = (int *)(u + 4 * k);
	int **arrs[] = {&s->stack, &s->head, &s->label, &s->lc1, &s->lc2, &s->rc1, &s->rc2, &s->nl, &s->nr, &m->pos};
	for (size_t i = 0; i < sizeof arrs / sizeof *arrs; i++)
		*arrs[i] = a + i * k;
	for (size_t i = 0; i < k; i++) {
		s->head[i] = s->label[i] = s->lc1[i] = s->lc2[i] = s->rc1[i] = s->rc2[i] = -1;
		s->nl[i] = s->nr[i] = 0;
		s->lset[i] = s->rset[i] = 0;
		s->stack[i] = 0;
		if (i < (size_t)n) {
			m->word[i] = word_id(v, forms[i]);
			size_t len = strlen(forms[i]);
			m->suf[i] = ng_parse_word_hash(forms[i] + (len > 3 ? len - 3 : 0));
			m->pos[i] = upos[i] >= 0 && upos[i] < NG_NUPOS ? upos[i] : NG_X;
		}
	}
	m->word[n] = m->suf[n] = 0x726f6f74; /* the root: its own word and tag */
	m->pos[n] = NG_NUPOS;
	s->word = m->word;
	s->suf = m->suf;
	s->pos = m->pos;
	s->subj = 0;
	s->n = n;
	s->sp = 0;
	s->b = 0;
	return 0;
}

void ng_pmem_free(ng_pmem *m)
{
	free(m->block);
	m->block = NULL;
}

int ng_pstate_done(const ng_pstate *s)
{
	return s->sp == 0 && s->b == s->n;
}

/* The root takes its one dependent last, when the stack holds only it:
 * every tree has exactly one root word. */
void ng_pstate_legal(const ng_pstate *s, int legal[NG_PT_N])
{
	legal[NG_PT_SHIFT] = s->b < s->n;
	legal[NG_PT_LEFT] = s->sp >= 1 && (s->b < s->n || s->sp == 1);
	legal[NG_PT_RIGHT] = s->sp >= 2;
}

void ng_pstate_arc(const ng_pstate *s, int action, int *head, int *dep)
{
	*dep = s->stack[s->sp - 1];
	*head = action == NG_PT_LEFT ? s->b : s->stack[s->sp - 2];
}

void ng_pstate_apply(ng_pstate *s, int action, int label)
{
	if (action == NG_PT_SHIFT) {
		s->stack[s->sp++] = s->b++;
		return;
	}
	int h, d;
	ng_pstate_arc(s, action, &h, &d);
	s->sp--;
	s->head[d] = h;
	s->label[d] = label;
	uint64_t bit = label >= 0 ? 1ULL << label : 0;
	if (d < h) {
		s->nl[h]++;
		s->lset[h] |= bit;
		if (s->lc1[h] < 0 || d < s->lc1[h]) {
			s->lc2[h] = s->lc1[h];
			s->lc1[h] = d;
		} else if (s->lc2[h] < 0 || d < s->lc2[h]) {
			s->lc2[h] = d;
		}
	} else {
		s->nr[h]++;
		s->rset[h] |= bit;
		if (s->rc1[h] < 0 || d > s->rc1[h]) {
			s->rc2[h] = s->rc1[h];
			s->rc1[h] = d;
		} else if (s->rc2[h] < 0 || d > s->rc2[h]) {
			s->rc2[h] = d;
		}
	}
}

/* ---- Features ---- */

#define NONE 0x6e6f6e65ULL

static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
	return h ^ (h >> 29);
}

static inline uint32_t row(uint64_t h, int bits)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (uint32_t)(h >> (64 - bits));
}

/* Template t over up to four values; unused values are 0. */
#define F4(t, a, b, c, d) (f[k++] = row(mix(mix(mix(mix((uint64_t)(t), (a)), (b)), (c)), (d)), BITS))
#define F(t, a) F4(t, a, 0, 0, 0)
#define F2(t, a, b) F4(t, a, b, 0, 0)
#define F3(t, a, b, c) F4(t, a, b, c, 0)

/* The word, tag and label of token i (-1: none). */
#define W(i) ((i) < 0 ? NONE : s->word[i])
#define P(i) ((uint64_t)((i) < 0 ? 99 : s->pos[i]))
#define L(i) ((uint64_t)((i) < 0 || s->label[i] < 0 ? 99 : s->label[i]))
#define WP(i) mix(W(i), P(i))
#define KID(arr, i) ((i) < 0 ? -1 : s->arr[i])
#define SUF(i) ((i) < 0 ? NONE : s->suf[i])
#define SUBJ(i) ((uint64_t)((i) >= 0 && ((s->lset[i] | s->rset[i]) & s->subj) != 0))

#define BITS NG_PARSE_ACTION_BITS
int ng_pstate_action_feats(const ng_pstate *s, uint32_t *f)
{
	int k = 0;
	int s0 = s->sp > 0 ? s->stack[s->sp - 1] : -1, s1 = s->sp > 1 ? s->stack[s->sp - 2] : -1;
	int s2 = s->sp > 2 ? s->stack[s->sp - 3] : -1;
	int b0 = s->b <= s->n ? s->b : -1, b1 = s->b + 1 <= s->n ? s->b + 1 : -1;
	int b2 = s->b + 2 <= s->n ? s->b + 2 : -1;
	int s0l = KID(lc1, s0), s0l2 = KID(lc2, s0), s0r = KID(rc1, s0), s0r2 = KID(rc2, s0);
	int b0l = KID(lc1, b0), b0l2 = KID(lc2, b0), s1r = KID(rc1, s1), s1l = KID(lc1, s1);
	uint64_t d = s0 >= 0 && b0 >= 0 ? (uint64_t)(b0 - s0 > 5 ? 5 : b0 - s0) : 0;
	uint64_t d1 = s1 >= 0 ? (uint64_t)(s0 - s1 > 5 ? 5 : s0 - s1) : 0;
	uint64_t vl0 = s0 >= 0 ? (uint64_t)s->nl[s0] : 9, vr0 = s0 >= 0 ? (uint64_t)s->nr[s0] : 9;
	uint64_t vlb = b0 >= 0 ? (uint64_t)s->nl[b0] : 9;
	uint64_t s0ls = s0 >= 0 ? s->lset[s0] : 1, s0rs = s0 >= 0 ? s->rset[s0] : 1;
	uint64_t b0ls = b0 >= 0 ? s->lset[b0] : 1;

	F(0, 1);
	F(1, W(s0)), F(2, P(s0)), F(3, WP(s0)), F(4, W(s1)), F(5, P(s1)), F(6, WP(s1));
	F(7, W(b0)), F(8, P(b0)), F(9, WP(b0)), F(10, W(b1)), F(11, P(b1)), F(12, WP(b1));
	F(13, W(b2)), F(14, P(b2)), F(15, WP(b2)), F(87, P(s2)), F(88, W(s2));
	/* pairs */
	F2(16, WP(s0), WP(b0)), F2(17, WP(s0), W(b0)), F2(18, W(s0), WP(b0)), F2(19, WP(s0), P(b0));
	F2(20, P(s0), WP(b0)), F2(21, W(s0), W(b0)), F2(22, P(s0), P(b0)), F2(23, P(b0), P(b1));
	F2(24, WP(s1), WP(s0)), F2(25, P(s1), P(s0)), F2(26, W(s1), W(s0));
	F2(94, WP(b0), WP(b1)), F2(95, W(b0), W(b1)), F2(96, WP(b0), P(b1)), F2(97, P(b0), WP(b1));
	F3(98, W(s0), W(b0), W(b1)), F3(99, W(s0l), W(s0), W(b0));
	F3(100, W(s1), P(s0), W(b0)), F3(101, WP(s1), P(s0), P(b0)), F3(102, P(s1), P(s0), WP(b0));
	F4(103, P(s1), P(s0), P(b0), P(b1)), F4(104, P(s1), P(s0), P(b0), d), F3(105, P(s1), P(b0), d1);
	/* whether s0 is a complete clause (its subject found), s1 a noun
	 * still waiting for its head, b0 a verb without a subject yet */
	F3(106, P(s1), s0ls, P(b0)), F4(107, P(s1), P(s0), P(b0), s0ls), F3(108, P(s0), W(s0l), P(b0));
	F4(109, P(s1), P(s0), L(s0r), P(b0)), F4(110, P(s1), P(b0), vlb, s0ls);
	F4(111, P(s1), P(s0), P(b0), SUBJ(s0)), F4(112, P(s1), SUF(s0), P(b0), SUBJ(s0));
	F3(113, SUF(s0), P(b0), SUBJ(s0)), F2(114, SUF(s0), P(s0)), F2(115, SUF(b0), P(b0));
	F3(116, SUF(s0), SUF(b0), P(s1)), F4(117, P(s1), L(s0l), P(s0), P(b0));
	/* tag trigrams */
	F3(27, P(b0), P(b1), P(b2)), F3(28, P(s0), P(b0), P(b1)), F3(29, P(s1), P(s0), P(b0));
	F3(30, P(s0), P(s0l), P(b0)), F3(31, P(s0), P(s0r), P(b0)), F3(32, P(s0), P(b0), P(b0l));
	F3(33, P(s1), P(s0), P(s0l)), F3(34, P(s1), P(s1r), P(s0)), F3(35, P(s2), P(s1), P(s0));
	F3(36, P(s1), P(s0), P(s0r)), F3(84, W(s0), P(b0), P(b1)), F3(85, W(b0), P(b1), P(b2));
	F4(86, P(s2), P(s1), P(s0), P(b0)), F3(89, W(s1), P(s0), P(b0)), F3(90, P(s1), W(s0), P(b0));
	/* distance and valency */
	F2(37, W(s0), d), F2(38, P(s0), d), F2(39, W(b0), d), F2(40, P(b0), d);
	F3(41, W(s0), W(b0), d), F3(42, P(s0), P(b0), d), F3(43, P(s1), P(s0), d1);
	F2(44, W(s0), vr0), F2(45, P(s0), vr0), F2(46, W(s0), vl0), F2(47, P(s0), vl0);
	F2(48, W(b0), vlb), F2(49, P(b0), vlb);
	/* children */
	F(50, W(s0l)), F(51, P(s0l)), F(52, L(s0l)), F(53, W(s0r)), F(54, P(s0r)), F(55, L(s0r));
	F(56, W(b0l)), F(57, P(b0l)), F(58, L(b0l));
	F(59, W(s0l2)), F(60, P(s0l2)), F(61, L(s0l2)), F(62, W(s0r2)), F(63, P(s0r2)), F(64, L(s0r2));
	F(65, W(b0l2)), F(66, P(b0l2)), F(67, L(b0l2));
	F3(68, P(s0), P(s0l), P(s0l2)), F3(69, P(s0), P(s0r), P(s0r2)), F3(70, P(b0), P(b0l), P(b0l2));
	F2(71, W(s0), s0rs), F2(72, P(s0), s0rs), F2(73, W(s0), s0ls), F2(74, P(s0), s0ls);
	F2(75, W(b0), b0ls), F2(76, P(b0), b0ls);
	F(77, P(s1r)), F(78, L(s1r)), F(79, P(s1l)), F(80, L(s1l)), F(81, W(s1r));
	F3(82, P(s0), L(s0r), P(b0)), F3(83, P(s0), L(s0l), P(b0)), F3(91, P(s0), L(s0l), L(s0r));
	F3(92, P(b0), L(b0l), P(s0)), F3(93, P(s1), L(s1r), P(s0));
	return k;
}
#undef BITS

#define BITS NG_PARSE_LABEL_BITS
int ng_pstate_label_feats(const ng_pstate *s, int h, int dp, uint32_t *f)
{
	int k = 0;
	uint64_t dir = dp < h, dist = (uint64_t)(abs(h - dp) > 9 ? 9 : abs(h - dp));
	int l1 = s->lc1[dp], l2 = s->lc2[dp], r1 = s->rc1[dp];
	int dprev = dp > 0 ? dp - 1 : -1, dnext = dp + 1 < s->n ? dp + 1 : -1;
	int hprev = h > 0 ? h - 1 : -1, hnext = h + 1 <= s->n ? h + 1 : -1;
	uint64_t hset = s->lset[h] | s->rset[h];

	F(0, 1);
	F(1, W(dp)), F(2, P(dp)), F(3, WP(dp)), F(4, W(h)), F(5, P(h)), F(6, WP(h));
	F3(7, P(dp), P(h), dir), F3(8, W(dp), P(h), dir), F3(9, P(dp), W(h), dir);
	F3(10, W(dp), W(h), dir), F4(11, P(dp), P(h), dir, dist);
	F2(12, P(dp), s->lset[dp]), F2(13, P(dp), s->rset[dp]);
	F4(14, P(dp), P(h), dir, L(l1)), F4(15, P(dp), P(h), dir, L(r1));
	F3(16, P(dp), W(l1), L(l1)), F3(17, P(dp), W(l2), L(l2)), F3(18, P(dp), W(r1), L(r1));
	F3(19, P(dp), P(dprev), P(dnext)), F4(20, P(h), P(hprev), P(hnext), dir);
	F4(21, P(dp), P(h), dir, hset), F3(22, WP(dp), (uint64_t)s->nl[dp], (uint64_t)s->nr[dp]);
	F4(24, P(h), P(dp), W(l1), dir), F2(25, W(dp), dir), F2(26, W(h), dir);
	F4(27, P(dp), P(h), dir, s->lset[dp]), F3(28, W(h), P(dp), L(l1));
	F4(29, P(dp), P(h), W(dprev), dir), F3(30, P(dp), P(h), W(hnext));
	F4(31, SUF(dp), P(dp), P(h), dir), F4(32, SUF(h), P(h), P(dp), dir), F4(33, P(dp), P(h), dir, SUBJ(dp));
	return k;
}
#undef BITS

/* ---- The model file ----
 * "NGPARSE1", then seven uint32 (little-endian): version 1, header bytes,
 * label count, action bits, label bits, label-name bytes, vocabulary size;
 * the header text (NUL-terminated), the label names (each NUL-terminated),
 * the vocabulary (sorted uint64 word hashes, little-endian), then int16
 * weights: 2^action_bits rows of NG_PT_N, 2^label_bits rows of one per
 * label. Only argmaxes are taken, so each table has its own scale. */

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void quantise(const float *w, size_t n, unsigned char *out)
{
	float max = 0;
	for (size_t i = 0; i < n; i++)
		if (fabsf(w[i]) > max)
			max = fabsf(w[i]);
	float scale = max > 0 ? 32767.0f / max : 0;
	for (size_t i = 0; i < n; i++) {
		long q = lrintf(w[i] * scale);
		uint16_t u = (uint16_t)(int16_t)q;
		out[2 * i] = (unsigned char)(u & 0xff);
		out[2 * i + 1] = (unsigned char)(u >> 8);
	}
}

int ng_parser_write(const char *header, const char *const *labels, int nlabels, const uint64_t *vocab,
                    size_t nvocab, const float *action_w, const float *label_w, unsigned char **out, size_t *len,
                    ng_error *err)
{
	size_t hlen = strlen(header) + 1, llen = 0;
	for (int i = 0; i < nlabels; i++)
		llen += strlen(labels[i]) + 1;
	size_t na = ((size_t)1 << NG_PARSE_ACTION_BITS) * NG_PT_N;
	size_t nl = ((size_t)1 << NG_PARSE_LABEL_BITS) * (size_t)nlabels;
	size_t total = sizeof magic + 4 * HDR_WORDS + hlen + llen + 8 * nvocab + 2 * (na + nl);
	unsigned char *b = calloc(1, total), *p = b;
	if (!b)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	memcpy(p, magic, sizeof magic);
	p += sizeof magic;
	uint32_t words[HDR_WORDS] = {1, (uint32_t)hlen, (uint32_t)nlabels, NG_PARSE_ACTION_BITS,
	                             NG_PARSE_LABEL_BITS, (uint32_t)llen, (uint32_t)nvocab};
	for (int i = 0; i < HDR_WORDS; i++, p += 4)
		put32(p, words[i]);
	memcpy(p, header, hlen);
	p += hlen;
	for (int i = 0; i < nlabels; i++) {
		size_t n = strlen(labels[i]) + 1;
		memcpy(p, labels[i], n);
		p += n;
	}
	for (size_t i = 0; i < nvocab; i++)
		for (int j = 0; j < 8; j++)
			*p++ = (unsigned char)(vocab[i] >> (8 * j));
	quantise(action_w, na, p);
	quantise(label_w, nl, p + 2 * na);
	*out = b;
	*len = total;
	return 0;
}

/* Checks the fixed part and the sizes the header announces. */
static int check_model(const unsigned char *data, size_t len, uint32_t *w, ng_error *err)
{
	const uint16_t one = 1;
	if (*(const unsigned char *)&one != 1)
		return ng_fail(err, NG_EINVAL, NULL, 0, "parser model: a little-endian host is needed");
	if (len < sizeof magic + 4 * HDR_WORDS || memcmp(data, magic, sizeof magic) != 0)
		return ng_fail(err, NG_EINVAL, NULL, 0, "not a parser model");
	for (int i = 0; i < HDR_WORDS; i++)
		w[i] = get32(data + sizeof magic + 4 * i);
	if (w[0] != 1 || w[2] == 0 || w[2] > NG_PARSE_MAX_LABELS || w[3] != NG_PARSE_ACTION_BITS ||
	    w[4] != NG_PARSE_LABEL_BITS || w[1] == 0 || w[5] == 0)
		return ng_fail(err, NG_EINVAL, NULL, 0, "parser model: unsupported version or sizes");
	size_t need = sizeof magic + 4 * HDR_WORDS + (size_t)w[1] + w[5] + 8 * (size_t)w[6] +
	              2 * (((size_t)1 << w[3]) * NG_PT_N + ((size_t)1 << w[4]) * w[2]);
	if (len != need)
		return ng_fail(err, NG_EINVAL, NULL, 0, "parser model: %zu bytes, %zu expected", len, need);
	const unsigned char *text = data + sizeof magic + 4 * HDR_WORDS;
	if (text[w[1] - 1] != 0 || text[w[1] + w[5] - 1] != 0)
		return ng_fail(err, NG_EINVAL, NULL, 0, "parser model: unterminated header or labels");
	return 0;
}

int ng_parser_load(const unsigned char *data, size_t len, ng_parser **out, ng_error *err)
{
	uint32_t w[HDR_WORDS];
	*out = NULL;
	int rc = check_model(data, len, w, err);
	if (rc)
		return rc;
	ng_parser *p = calloc(1, sizeof *p);
	if (!p || !(p->names = calloc(w[2], sizeof *p->names))) {
		ng_parser_free(p);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	const char *text = (const char *)data + sizeof magic + 4 * HDR_WORDS;
	p->header = text;
	p->nlabels = (int)w[2];
	p->root = -1;
	const char *q = text + w[1], *end = q + w[5];
	for (int i = 0; i < p->nlabels; i++) {
		if (q >= end) {
			ng_parser_free(p);
			return ng_fail(err, NG_EINVAL, NULL, 0, "parser model: %u label names expected", w[2]);
		}
		p->names[i] = q;
		if (strcmp(q, "root") == 0)
			p->root = i;
		q += strlen(q) + 1;
	}
	if (p->root < 0) {
		ng_parser_free(p);
		return ng_fail(err, NG_EINVAL, NULL, 0, "parser model: no root relation");
	}
	p->subj = ng_parse_subject_mask(p->names, p->nlabels);
	p->vocab.hashes = (const unsigned char *)end;
	p->vocab.n = w[6];
	p->action = p->vocab.hashes + 8 * p->vocab.n;
	p->labelw = p->action + 2 * ((size_t)1 << w[3]) * NG_PT_N;
	*out = p;
	return 0;
}

void ng_parser_free(ng_parser *p)
{
	if (!p)
		return;
	free(p->names);
	free(p);
}

const char *ng_parser_deprel_name(const ng_parser *p, int deprel)
{
	return deprel >= 0 && deprel < p->nlabels ? p->names[deprel] : "_";
}

int ng_parser_deprel_count(const ng_parser *p)
{
	return p->nlabels;
}

const char *ng_parser_header(const ng_parser *p)
{
	return p->header;
}

/* ---- Parsing ---- */

static inline int32_t weight(const unsigned char *t, size_t i)
{
	int16_t v;
	memcpy(&v, t + 2 * i, sizeof v);
	return v;
}

static int best_action(const ng_parser *p, const ng_pstate *s)
{
	uint32_t f[NG_PARSE_MAX_FEATS];
	int legal[NG_PT_N], nf = ng_pstate_action_feats(s, f), best = -1;
	int32_t score[NG_PT_N] = {0};
	ng_pstate_legal(s, legal);
	/* The rows are scattered over a 6 MB table: ask for them all before
	 * reading any, so the cache misses overlap. */
	for (int i = 0; i < nf; i++)
		__builtin_prefetch(p->action + 2 * (size_t)f[i] * NG_PT_N);
	for (int i = 0; i < nf; i++)
		for (int a = 0; a < NG_PT_N; a++)
			score[a] += weight(p->action, (size_t)f[i] * NG_PT_N + (size_t)a);
	for (int a = 0; a < NG_PT_N; a++)
		if (legal[a] && (best < 0 || score[a] > score[best]))
			best = a;
	return best;
}

/* The root's one dependent is always "root"; no other arc is. */
static int best_label(const ng_parser *p, const ng_pstate *s, int h, int d)
{
	if (h == s->n)
		return p->root;
	uint32_t f[NG_PARSE_MAX_FEATS];
	int32_t score[NG_PARSE_MAX_LABELS] = {0};
	int nf = ng_pstate_label_feats(s, h, d, f), L = p->nlabels, best = -1;
	for (int i = 0; i < nf; i++)
		__builtin_prefetch(p->labelw + 2 * (size_t)f[i] * (size_t)L);
	for (int i = 0; i < nf; i++) {
		const unsigned char *r = p->labelw + 2 * (size_t)f[i] * (size_t)L;
		for (int l = 0; l < L; l++)
			score[l] += weight(r, (size_t)l);
	}
	for (int l = 0; l < L; l++)
		if (l != p->root && (best < 0 || score[l] > score[best]))
			best = l;
	return best;
}

int ng_parser_parse(const ng_parser *p, const char *const *forms, const int *upos, size_t n, int *heads,
                    int *deprels, ng_error *err)
{
	if (n == 0)
		return 0;
	if (n > NG_PARSE_MAX_WORDS)
		return ng_fail(err, NG_ELIMIT, NULL, 0, "a sentence of %zu words (at most %d are parsed)", n,
		               NG_PARSE_MAX_WORDS);
	ng_pstate s;
	ng_pmem m;
	if (ng_pstate_init(&s, &m, &p->vocab, forms, upos, (int)n))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	s.subj = p->subj;
	while (!ng_pstate_done(&s)) {
		int a = best_action(p, &s), label = -1;
		if (a != NG_PT_SHIFT) {
			int h, d;
			ng_pstate_arc(&s, a, &h, &d);
			label = best_label(p, &s, h, d);
		}
		ng_pstate_apply(&s, a, label);
	}
	for (size_t i = 0; i < n; i++) {
		heads[i] = s.head[i] == (int)n ? 0 : s.head[i] + 1;
		deprels[i] = s.label[i];
	}
	ng_pmem_free(&m);
	return 0;
}
