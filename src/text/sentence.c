/* Text layer, part 2: paragraphs and sentences. Input: the article bytes.
 * Output: sentence spans (byte offsets into the input) with their paragraph
 * number; the first line becomes the headline when it stands alone. Which
 * words are abbreviations or begin sentences, the lexicon's data says
 * through ng_text_opts (kb/text.txt). */
#include "text/sentence.h"

#include <ctype.h>
#include <string.h>

#include "util/util.h"

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Width of a closing quote or bracket at s, or 0. */
static size_t closer(const unsigned char *s, size_t avail)
{
	if (s[0] == '"' || s[0] == '\'' || s[0] == ')' || s[0] == ']')
		return 1;
	if (avail >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x99 || s[2] == 0x9D))
		return 3;
	return 0;
}

/* Width of an opening quote or bracket at s, or 0. */
static size_t opener(const unsigned char *s, size_t avail)
{
	if (s[0] == '"' || s[0] == '\'' || s[0] == '(' || s[0] == '[')
		return 1;
	if (avail >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x9C))
		return 3;
	return 0;
}

/* Width of a reference mark at t[m] ("[3]", "[12]", "[a]"), or 0. */
static size_t reference_mark(const char *t, size_t m, size_t e)
{
	size_t n = 1;
	if (m >= e || t[m] != '[')
		return 0;
	while (m + n < e && n <= 3 && (isdigit((unsigned char)t[m + n]) || islower((unsigned char)t[m + n])))
		n++;
	return n > 1 && m + n < e && t[m + n] == ']' ? n + 1 : 0;
}

/* Is the word at [w, w+n) letters with inner dots, like U.S or U.S.S.R? */
static int dotted_acronym(const char *w, size_t n)
{
	int dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (w[i] == '.')
			dots++;
		else if (!isalpha((unsigned char)w[i]))
			return 0;
	}
	return dots > 0;
}

/* Do capitalised words stand on both sides of the abbreviation [ws, dot)
 * and the word [nw, nl) after it ("The U.S. Needs More Time", "U.S.
 * Imposed Tariffs")? Then the text is in title case, as wire headlines
 * and some wire stories are, and a capital begins no sentence. */
static int title_case_around(const char *t, size_t p, size_t ws, size_t nl, size_t e)
{
	size_t pw = ws;
	while (pw > p && is_space((unsigned char)t[pw - 1]))
		pw--;
	size_t pe = pw;
	while (pw > p && isalpha((unsigned char)t[pw - 1]))
		pw--;
	if (pe > p && (pw == pe || !isupper((unsigned char)t[pw])))
		return 0; /* a lower-case word, a number or a sign before */
	size_t a = nl;
	while (a < e && t[a] == ' ')
		a++;
	return a < e && isupper((unsigned char)t[a]);
}

/* Is the full stop at `dot` (paragraph [p, e)) the end of a sentence?
 * `next` is the first byte after the following spaces. */
static int stop_ends(const ng_text_opts *o, const char *t, size_t p, size_t dot, size_t next, size_t e)
{
	size_t ws = dot;
	while (ws > p && !is_space((unsigned char)t[ws - 1]))
		ws--;
	while (ws < dot && opener((const unsigned char *)t + ws, dot - ws))
		ws += opener((const unsigned char *)t + ws, dot - ws);
	const char *w = t + ws;
	size_t n = dot - ws;
	if (next >= e)
		return 1;
	unsigned char c = (unsigned char)t[next];
	size_t nw = next;
	while (nw < e && opener((const unsigned char *)t + nw, e - nw))
		nw += opener((const unsigned char *)t + nw, e - nw);
	size_t nl = nw;
	while (nl < e && isalpha((unsigned char)t[nl]))
		nl++;
	unsigned next_classes = ng_text_classes(o, t + nw, nl - nw);
	int starter = (next_classes & NG_TEXT_STARTER) != 0;
	/* A plain word after U.S., Inc. or p.m. starts a new sentence ("in the
	 * U.S. Negotiations will"); a name continuing does not ("U.S. Treasury"). */
	int plain = nl > nw && isupper((unsigned char)t[nw]) && (next_classes & NG_TEXT_COMMON) &&
	            !(next_classes & NG_TEXT_NAME_CONTINUES);
	if (n == 0)
		return 1;
	if (n == 1 && isupper((unsigned char)w[0])) {
		/* an initial (George W. Bush), unless a plain word stands on
		 * both sides: "no Plan B. Ministers insist" */
		size_t pw = ws;
		while (pw > p && is_space((unsigned char)t[pw - 1]))
			pw--;
		size_t pe = pw;
		while (pw > p && isalpha((unsigned char)t[pw - 1]))
			pw--;
		return plain && pe > pw && (ng_text_classes(o, t + pw, pe - pw) & NG_TEXT_COMMON);
	}
	unsigned classes = ng_text_classes(o, w, n);
	if (classes & NG_TEXT_ABBR_TITLE)
		return 0;
	if (classes & NG_TEXT_ABBR_NUMBER)
		return !isdigit(c);
	if (dotted_acronym(w, n))
		return (starter || plain) && !title_case_around(t, p, ws, nl, e);
	if (classes & NG_TEXT_ABBR_FIRM)
		return starter || plain;
	return 1;
}

static int add_sentence(ng_doc *d, size_t s, size_t e, uint32_t para, int headline, ng_error *err)
{
	while (s < e && is_space((unsigned char)d->text[s]))
		s++;
	while (e > s && is_space((unsigned char)d->text[e - 1]))
		e--;
	if (s == e)
		return 0;
	ng_sentence *x = NG_PUSH(d->sents, d->nsents, d->csents);
	if (!x)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	memset(x, 0, sizeof *x);
	x->start = (uint32_t)s;
	x->end = (uint32_t)e;
	x->para = para;
	x->headline = (uint8_t)headline;
	return 0;
}

/* After a quoted question ("Is it legal?" Smith asked), a name and a verb
 * of saying continue the sentence. */
static int attribution_follows(const ng_text_opts *o, const char *t, size_t k, size_t e)
{
	for (int words = 0; words < 3 && k < e; words++) {
		size_t a = k;
		while (k < e && isalpha((unsigned char)t[k]))
			k++;
		if (k == a)
			return 0;
		if (ng_text_classes(o, t + a, k - a) & NG_TEXT_SAYING)
			return words > 0;
		if (!isupper((unsigned char)t[a]))
			return 0;
		while (k < e && t[k] == ' ')
			k++;
	}
	return 0;
}

static int split_paragraph(ng_doc *d, const ng_text_opts *o, size_t p, size_t e, uint32_t para, ng_error *err)
{
	const char *t = d->text;
	size_t s = p;
	for (size_t i = p; i < e; i++) {
		unsigned char c = (unsigned char)t[i];
		int term = c == '.' || c == '!' || c == '?';
		if (!term) {
			if (i - s >= NG_MAX_SENTENCE && is_space(c)) {
				if (add_sentence(d, s, i, para, 0, err))
					return err ? err->code : NG_ENOMEM;
				s = i;
			}
			continue;
		}
		size_t j = i + 1;
		int ellipsis = c == '.' && j + 1 < e && t[j] == '.' && t[j + 1] == '.';
		while (j < e && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
			j++;
		size_t q, after_term = j;
		while (j < e && (q = closer((const unsigned char *)t + j, e - j)))
			j += q;
		int quoted = j > after_term;
		if (j < e && !is_space((unsigned char)t[j])) {
			i = j - 1;
			continue;
		}
		/* "He died in 2014. [3] His son": a reference mark after the stop
		 * ends the sentence with it */
		for (size_t m = j, n;; j = m += n) {
			while (m < e && is_space((unsigned char)t[m]))
				m++;
			if (!(n = reference_mark(t, m, e)))
				break;
		}
		size_t k = j;
		while (k < e && is_space((unsigned char)t[k]))
			k++;
		int end;
		if (k >= e)
			end = 1;
		else if (islower((unsigned char)t[k]) || t[k] == ',' || t[k] == ';')
			end = 0; /* "Bethany, Conn. , was" in tokenised text */
		else if (ellipsis)
			end = quoted;
		else if (c == '.')
			end = stop_ends(o, t, p, i, k, e);
		else
			end = !(quoted && attribution_follows(o, t, k, e));
		if (end) {
			if (add_sentence(d, s, j, para, 0, err))
				return err ? err->code : NG_ENOMEM;
			s = j;
		}
		i = j - 1;
	}
	return add_sentence(d, s, e, para, 0, err);
}

/* The end of the blank-line-separated paragraph starting at p, and in *next
 * where the following one starts. */
static size_t paragraph_end(const char *t, size_t len, size_t p, size_t *next)
{
	for (size_t i = p; i < len; i++) {
		if (t[i] != '\n')
			continue;
		size_t k = i + 1;
		while (k < len && t[k] != '\n' && is_space((unsigned char)t[k]))
			k++;
		if (k < len && t[k] == '\n') {
			/* a blank line inside a sentence (hard-wrapped wire copy):
			 * no final punctuation before it, lower case after it */
			size_t b = i, n = k;
			while (b > p && is_space((unsigned char)t[b - 1]))
				b--;
			while (n < len && is_space((unsigned char)t[n]))
				n++;
			if (b > p && n < len && islower((unsigned char)t[n]) && !strchr(".!?:\"')", t[b - 1]) &&
			    (unsigned char)t[b - 1] < 0x80)
				continue;
			*next = k + 1;
			return i;
		}
	}
	*next = len;
	return len;
}

int ng_split_sentences(ng_doc *d, const ng_text_opts *opts, ng_error *err)
{
	const char *t = d->text;
	size_t len = d->len, p = 0;
	uint32_t para = 0;
	/* A UTF-8 byte order mark (Windows editors write one) is not part of
	 * the first word. */
	if (len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0)
		p = 3;
	while (p < len && is_space((unsigned char)t[p]))
		p++;
	/* A first line followed by a blank line or lacking final punctuation is
	 * the headline, unless longer than a sentence may be: a huge first line
	 * is text, split and cut like any paragraph. */
	const char *nl = opts && opts->continued ? NULL : memchr(t + p, '\n', len - p);
	if (nl) {
		size_t e = (size_t)(nl - t), last = e;
		while (last > p && is_space((unsigned char)t[last - 1]))
			last--;
		size_t k = e + 1;
		while (k < len && t[k] != '\n' && is_space((unsigned char)t[k]))
			k++;
		int blank_after = k < len && t[k] == '\n';
		int punct = last > p && (strchr(".!?\")", t[last - 1]) != NULL ||
		                         (last - p >= 3 && (unsigned char)t[last - 3] == 0xE2 &&
		                          (unsigned char)t[last - 2] == 0x80 &&
		                          ((unsigned char)t[last - 1] == 0x9D || (unsigned char)t[last - 1] == 0x99)));
		if (last > p && last - p <= NG_MAX_SENTENCE && (blank_after || !punct)) {
			if (add_sentence(d, p, e, 0, 1, err))
				return err ? err->code : NG_ENOMEM;
			d->has_title = 1;
			p = e + 1;
			para = 1;
		}
	}
	while (p < len) {
		size_t next, e = paragraph_end(t, len, p, &next);
		int r = split_paragraph(d, opts, p, e, para, err);
		if (r)
			return r;
		para++;
		p = next;
		while (p < len && is_space((unsigned char)t[p]))
			p++;
	}
	return 0;
}
