/* Text layer, part 3: tokens. Input: sentence spans. Output: tokens with
 * byte offsets, flags and a normal form. Possessives are split off
 * (Russia's -> Russia + 's); hyphenated words stay whole (Russia-Ukraine,
 * Zhi-dong) and carry NG_TOK_HYPHEN so later stages can look at the parts. */
#include "text/token.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "util/util.h"

/* Does the word w[0, n) before a full stop keep it ("Mr.", "Corp.")? The
 * abbreviations whose full stop is a token of its own say no ("Fig . 3"). */
static int keeps_dot(const ng_text_opts *o, const char *w, size_t n)
{
	unsigned c = ng_text_classes(o, w, n);
	return (c & (NG_TEXT_ABBR_TITLE | NG_TEXT_ABBR_NUMBER | NG_TEXT_ABBR_FIRM)) && !(c & NG_TEXT_ABBR_SPLIT);
}

/* Width of a punctuation code point at s (a non-word character), or 0. */
static size_t punct_width(const unsigned char *s, size_t avail)
{
	if (s[0] < 0x80)
		return isalnum(s[0]) ? 0 : 1;
	if (avail >= 2 && s[0] == 0xC2 && (s[1] == 0xA0 || s[1] == 0xAB || s[1] == 0xBB || s[1] == 0xA3 ||
	                                   s[1] == 0xA5 || s[1] == 0xB7 || s[1] == 0xB0))
		return 2;
	if (avail >= 3 && s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x82))
		return 3; /* general punctuation: quotes, dashes, ellipsis; currency */
	return 0;
}

static int is_space_at(const unsigned char *s, size_t avail)
{
	return isspace(s[0]) || (avail >= 2 && s[0] == 0xC2 && s[1] == 0xA0) ||
	       (avail >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x89 || s[2] == 0xAF));
}

static int apostrophe_at(const unsigned char *s, size_t avail)
{
	if (s[0] == '\'')
		return 1;
	if (avail >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99)
		return 3;
	return 0;
}

static inline int word_byte(const unsigned char *s, size_t avail)
{
	if (s[0] < 0x80)
		return (unsigned)((s[0] | 0x20) - 'a') < 26u || (unsigned)(s[0] - '0') < 10u;
	return punct_width(s, avail) == 0;
}

static int push_token(ng_doc *d, size_t s, size_t e, uint32_t sent, uint16_t flags, ng_error *err)
{
	/* A normal form is never longer than its text (see ng_norm_append), so
	 * reserving the text's length plus the NUL lets the ASCII path below
	 * write without checks. */
	if ((d->ntoks == d->ctoks && ng_grow((void **)&d->toks, &d->ctoks, d->ntoks + 1, sizeof *d->toks)) ||
	    (d->nnorm + (e - s) + 1 > d->cnorm && ng_grow((void **)&d->norm, &d->cnorm, d->nnorm + (e - s) + 1, 1)))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	ng_token *t = &d->toks[d->ntoks++];
	t->start = (uint32_t)s;
	t->end = (uint32_t)e;
	t->sent = sent;
	t->norm = (uint32_t)d->nnorm;
	const unsigned char *p = (const unsigned char *)d->text + s;
	size_t n = e - s, i = 0;
	int letters = 0, lower = 0;
	char *out = d->norm + d->nnorm;
	for (; i < n && p[i] < 0x80; i++) {
		unsigned char c = p[i];
		int up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
		letters += up | low;
		lower += low;
		out[i] = (char)(up ? c + 32 : c);
	}
	d->nnorm += i;
	if (i < n) {
		for (size_t k = i; k < n; k++) {
			letters += isalpha(p[k]) != 0;
			lower += islower(p[k]) != 0;
		}
		ng_buf b = {d->norm, d->nnorm, d->cnorm};
		int r = ng_norm_append(&b, d->text + s + i, n - i);
		d->norm = b.s;
		d->nnorm = b.len;
		d->cnorm = b.cap;
		if (r || (d->nnorm + 1 > d->cnorm && ng_grow((void **)&d->norm, &d->cnorm, d->nnorm + 1, 1)))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	d->norm[d->nnorm++] = 0;
	if (!(flags & NG_TOK_PUNCT)) {
		if (isdigit(p[0]))
			flags |= NG_TOK_NUM;
		else
			flags |= NG_TOK_WORD;
		size_t cl;
		if (isupper(p[0]) || (p[0] >= 0x80 && ng_cp_upper(ng_utf8_decode(p, n, &cl))))
			flags |= NG_TOK_CAP;
		if (letters >= 2 && !lower)
			flags |= NG_TOK_UPPER;
	}
	t->flags = flags;
	return 0;
}

/* A punctuation token at i; returns its width, or 0 on failure. */
static size_t punct_token(ng_doc *d, size_t i, size_t e, uint32_t si, ng_error *err)
{
	const unsigned char *t = (const unsigned char *)d->text;
	size_t w = t[i] < 0x80 ? 1 : punct_width(t + i, e - i);
	uint16_t f = NG_TOK_PUNCT;
	if (t[i] == '"' || t[i] == '\'' || (w == 3 && t[i + 1] == 0x80 && t[i + 2] >= 0x98 && t[i + 2] <= 0x9F) ||
	    (w == 2 && (t[i + 1] == 0xAB || t[i + 1] == 0xBB)))
		f |= NG_TOK_QUOTE;
	return push_token(d, i, i + w, si, f, err) ? 0 : w;
}

/* What a full stop at i does to the word [s, i): */
enum { DOT_ENDS, DOT_INSIDE, DOT_KEPT };

static int dot_in_word(const ng_text_opts *o, const unsigned char *t, size_t s, size_t i, size_t e)
{
	/* U.S., U.S.S.R., initials and abbreviations keep their dot. */
	size_t seglen = i - s;
	const unsigned char *seg = t + s;
	for (size_t k = i; k > s; k--)
		if (t[k - 1] == '.') {
			seg = t + k;
			seglen = i - k;
			break;
		}
	int acro = seglen == 1 && isalpha(seg[0]);
	if (acro && i + 2 < e + 1 && i + 1 < e && isalpha(t[i + 1]) && (i + 2 >= e || t[i + 2] == '.'))
		return DOT_INSIDE;
	int last = i + 1 >= e;
	int dotted = memchr(t + s, '.', i - s) != NULL;
	/* "Acme Corp." closing a sentence: the name keeps its stop, which also
	 * ends the sentence (the sentence splitter has already said so) */
	if ((acro && isupper(seg[0]) && !last) || (dotted && acro) ||
	    ((!last || (ng_text_classes(o, (const char *)t + s, i - s) & NG_TEXT_ABBR_FIRM)) &&
	     keeps_dot(o, (const char *)t + s, i - s)))
		return DOT_KEPT;
	return DOT_ENDS;
}

/* The end of the word that starts at s; sets its hyphen and dot flags. */
static size_t word_end(const ng_text_opts *o, const unsigned char *t, size_t s, size_t e, uint16_t *f)
{
	size_t i = s;
	int digit = isdigit(t[i]);
	while (i < e) {
		if (word_byte(t + i, e - i)) {
			i++;
			continue;
		}
		size_t a = apostrophe_at(t + i, e - i);
		if (a) {
			size_t k = i + a;
			/* 's followed by a non-letter is a possessive, split off,
			 * unless it is "is" after a pronoun (it's, that's) */
			if (k < e && (t[k] == 's' || t[k] == 'S') && (k + 1 >= e || !word_byte(t + k + 1, e - k - 1))) {
				if (!(ng_text_classes(o, (const char *)t + s, i - s) & NG_TEXT_IS_CONTRACTION))
					return i;
				i = k + 1;
				continue;
			}
			if (k < e && word_byte(t + k, e - k) && !isdigit(t[k]) && i > s) {
				i = k;
				continue;
			}
			return i;
		}
		if (t[i] == '-' && i + 1 < e && word_byte(t + i + 1, e - i - 1) && !digit) {
			*f |= NG_TOK_HYPHEN;
			i++;
			continue;
		}
		if (((t[i] == '.' || t[i] == ',') && digit && i + 1 < e && isdigit(t[i + 1])) ||
		    (t[i] == '&' && i + 1 < e && isupper(t[i + 1]) && isupper(t[s]))) {
			i++;
			continue;
		}
		if (t[i] != '.' || digit)
			return i;
		int dot = dot_in_word(o, t, s, i, e);
		if (dot == DOT_INSIDE) {
			i++;
			continue;
		}
		if (dot == DOT_KEPT)
			*f |= NG_TOK_DOTTED;
		return dot == DOT_KEPT ? i + 1 : i;
	}
	return i;
}

/* A possessive after the word that ended at i ("Russia's", "the states'"):
 * its own token. Returns the bytes taken, or (size_t)-1 on failure. */
static size_t possessive(ng_doc *d, size_t s, size_t i, size_t e, uint32_t si, ng_error *err)
{
	const unsigned char *t = (const unsigned char *)d->text;
	size_t a = i < e ? apostrophe_at(t + i, e - i) : 0, n = 0;
	if (a && i + a < e && (t[i + a] == 's' || t[i + a] == 'S') &&
	    (i + a + 1 >= e || !word_byte(t + i + a + 1, e - i - a - 1)))
		n = a + 1;
	else if (a && i > s && (t[i - 1] == 's') && (i + a >= e || !word_byte(t + i + a, e - i - a)))
		n = a;
	if (n && push_token(d, i, i + n, si, NG_TOK_POSS | NG_TOK_PUNCT, err))
		return (size_t)-1;
	return n;
}

/* Headlines in title case or capitals, and bodies in capitals, do not show
 * proper names by case. */
static void set_caps(const ng_doc *d, ng_sentence *st)
{
	int words = 0, caps = 0, upper = 0;
	for (size_t k = st->tok_begin; k < st->tok_end; k++) {
		const ng_token *tk = &d->toks[k];
		if (!(tk->flags & NG_TOK_WORD))
			continue;
		words++;
		caps += (tk->flags & NG_TOK_CAP) != 0;
		upper += (tk->flags & NG_TOK_UPPER) != 0;
	}
	if (st->headline)
		st->caps = words && (upper * 2 > words || caps * 10 >= words * 6);
	else
		st->caps = words >= 3 && upper * 10 >= words * 7;
}

int ng_tokenize_sentence(ng_doc *d, uint32_t si, const ng_text_opts *o, ng_error *err)
{
	ng_sentence *st = &d->sents[si];
	const unsigned char *t = (const unsigned char *)d->text;
	size_t i = st->start, e = st->end;
	st->tok_begin = (uint32_t)d->ntoks;
	while (i < e) {
		if (is_space_at(t + i, e - i)) {
			i += t[i] == 0xC2 ? 2 : t[i] == 0xE2 ? 3 : 1;
			continue;
		}
		if (!word_byte(t + i, e - i)) {
			/* text tokenized before ("Armenia 's capital", as treebanks
			 * and corpora write it): the detached 's is still the
			 * possessive of the word before */
			size_t p = d->ntoks > st->tok_begin && (d->toks[d->ntoks - 1].flags & NG_TOK_WORD)
			               ? possessive(d, i, i, e, si, err)
			               : 0;
			if (p == (size_t)-1)
				return err ? err->code : NG_ENOMEM;
			if (p) {
				i += p;
				continue;
			}
			size_t w = punct_token(d, i, e, si, err);
			if (!w)
				return err ? err->code : NG_ENOMEM;
			i += w;
			continue;
		}
		size_t s = i;
		uint16_t f = 0;
		i = word_end(o, t, s, e, &f);
		if (push_token(d, s, i, si, f, err))
			return err ? err->code : NG_ENOMEM;
		size_t p = possessive(d, s, i, e, si, err);
		if (p == (size_t)-1)
			return err ? err->code : NG_ENOMEM;
		i += p;
	}
	st->tok_end = (uint32_t)d->ntoks;
	set_caps(d, st);
	return 0;
}
