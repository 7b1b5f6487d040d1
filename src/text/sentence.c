/* Text layer, part 2: paragraphs and sentences. Input: the article bytes.
 * Output: sentence spans (byte offsets into the input) with their paragraph
 * number; the first line becomes the headline when it stands alone. */
#include "text/sentence.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "util/util.h"

static const char *const title_abbr[] = {
	"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
	"sen", "rep", "rev", "prof", "messrs", "maj", "brig", "hon", "pres", "supt",
	"det", "insp", "fr", "mme", "mlle", "gens", "sens", "reps", "govs", "amb", "atty",
	"vs", "v", "e.g", "i.e", "cf", "ca", "approx", "dept", "univ", "assn", "ave", "mt",
	"ft", "pt", "ph", NULL};
static const char *const month_abbr[] = {
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"no", "nos", "nr", "art", "vol", "pp", "p", "fig", "sec", "ch", "tel", NULL};
static const char *const firm_abbr[] = {
	"inc", "corp", "co", "ltd", "plc", "bros", "llc", "cos", "jr", "sr", "etc", "al", "st", "a.m",
	"p.m", NULL};
/* Capitalised words that continue a name after U.S. or St.: no new sentence. */
static const char *const institutions[] = {
	"treasury", "congress", "senate", "house", "army", "navy", "air", "embassy", "government", "department",
	"state", "states", "ministry", "commerce", "trade", "justice", "defense", "federal", "national",
	"supreme", "district", "court", "attorney", "president", "secretary", "ambassador", "representative",
	"marine", "marines", "forces", "coast", "postal", "bank", "central", "steel", "airways", "airlines",
	"open", "dollar", "officials", "military", "economy", "market", "markets", "stocks", "bonds", "troops",
	"administration", "agency", "trade", "consulate", "envoy", "intelligence", "navy", "policy", "envoy",
	"house", "dollars", "farm", "oil", "auto", "car", "chip", "technology", "tech", "defence", "law",
	"chairman", "chief", "director", "executive", "spokesman", "spokeswoman", "day", "unit", NULL};
/* Words that begin a new sentence after an ambiguous full stop. */
static const char *const starters[] = {
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on",
	"at", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our",
	"if", "as", "for", "after", "while", "when", "however", "analysts", "officials", "some",
	"its", "one", "both", "last", "earlier", "meanwhile", "also", "according", "under",
	"mr", "mrs", "ms", "so", "yet", "what", "who", "why", "how", "shares", "under", NULL};

static int in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(*list, w, n) == 0)
			return 1;
	return 0;
}

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

static int common_word(const ng_text_opts *o, const char *w, size_t n)
{
	char low[32];
	if (!o || !o->is_common || n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	low[n] = 0;
	return o->is_common(o->ctx, low);
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
	int starter = in_list(starters, t + nw, nl - nw);
	/* A plain word after U.S., Inc. or p.m. starts a new sentence ("in the
	 * U.S. Negotiations will"); a name continuing does not ("U.S. Treasury"). */
	int plain = nl > nw && isupper((unsigned char)t[nw]) && common_word(o, t + nw, nl - nw) &&
	            !in_list(institutions, t + nw, nl - nw);
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
		return plain && pe > pw && common_word(o, t + pw, pe - pw);
	}
	if (in_list(title_abbr, w, n))
		return 0;
	if (in_list(month_abbr, w, n))
		return !isdigit(c);
	if (in_list(firm_abbr, w, n) || dotted_acronym(w, n))
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
static int attribution_follows(const char *t, size_t k, size_t e)
{
	static const char *const says[] = {"said", "asked", "says", "asks", "told", "added", "replied",
	                                   "shouted", "wrote", "cried", "insisted", "answered", NULL};
	for (int words = 0; words < 3 && k < e; words++) {
		size_t a = k;
		while (k < e && isalpha((unsigned char)t[k]))
			k++;
		if (k == a)
			return 0;
		if (in_list(says, t + a, k - a))
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
		size_t k = j;
		while (k < e && is_space((unsigned char)t[k]))
			k++;
		int end;
		if (k >= e)
			end = 1;
		else if (islower((unsigned char)t[k]))
			end = 0;
		else if (ellipsis)
			end = quoted;
		else if (c == '.')
			end = stop_ends(o, t, p, i, k, e);
		else
			end = !(quoted && attribution_follows(t, k, e));
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
	const char *nl = memchr(t + p, '\n', len - p);
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
