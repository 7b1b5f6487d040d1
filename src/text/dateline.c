/* The text layer: a wire story's dateline. Input: an article's text.
 * Output: where its opening "MOSCOW, May 16 (Reuters) -" lies, with the
 * place, the day and the agency, so that the place is read as a location,
 * the day dates the article and the agency is kept out of the story. */
#include "text/dateline.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "newsgraph/extract.h"
#include "newsgraph/schema.h"
#include "util/util.h"

/* An upper-case word of a place name: "MOSCOW", "ST.", "D.C.", "AL-ARISH",
 * and places filed from together: "GENEVA/BRUSSELS". */
static size_t caps_word(const char *s, size_t n)
{
	size_t i = 0, letters = 0;
	while (i < n && (isupper((unsigned char)s[i]) || (i && strchr(".-'/", s[i]) && s[i]))) {
		letters += isupper((unsigned char)s[i]) != 0;
		i++;
	}
	return letters && (i == n || !isalnum((unsigned char)s[i])) ? i : 0;
}

static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

/* "May", "Feb", "Feb.", "Sept.", "September" at s: the month and its length. */
static int month(const char *s, size_t n, size_t *len)
{
	size_t w = 0;
	while (w < n && isalpha((unsigned char)s[w]))
		w++;
	for (int m = 0; m < 12 && w >= 3; m++) {
		size_t full = strlen(months[m]);
		int abbr = (w == 3 || (m == 8 && w == 4)) && !strncasecmp(s, months[m], w);
		if ((w == full && !strncmp(s, months[m], w)) || (abbr && isupper((unsigned char)s[0]))) {
			*len = w + (w < full && w < n && s[w] == '.');
			return m + 1;
		}
	}
	return 0;
}

/* The dash that ends a dateline and the space after it: its length. */
static size_t dash(const char *s, size_t n)
{
	static const char *const dashes[] = {"--", "-", "\xe2\x80\x94", "\xe2\x80\x93", NULL};
	for (int k = 0; dashes[k]; k++) {
		size_t l = strlen(dashes[k]);
		if (n > l && !memcmp(s, dashes[k], l) && s[l] == ' ')
			return l + 1;
	}
	return 0;
}

static size_t spaces(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* ", May 16" or ", May 16, 2024" at s: its length, filling the day. */
static size_t day_part(const char *s, size_t n, ng_dateline *dl)
{
	size_t ml, i;
	if (n < 4 || s[0] != ',' || s[1] != ' ' || !(dl->month = month(s + 2, n - 2, &ml)))
		return dl->month = 0;
	i = 2 + ml + spaces(s + 2 + ml, n - 2 - ml);
	int d = 0, k = 0;
	for (; i < n && isdigit((unsigned char)s[i]) && k < 3; i++, k++)
		d = d * 10 + (s[i] - '0');
	if (!k || k > 2 || d < 1 || d > 31)
		return dl->month = 0;
	dl->day = d;
	if (i + 6 <= n && s[i] == ',' && s[i + 1] == ' ' && isdigit((unsigned char)s[i + 2])) {
		int y = atoi(s + i + 2);
		size_t yl = 0;
		while (i + 2 + yl < n && isdigit((unsigned char)s[i + 2 + yl]))
			yl++;
		if (yl == 4) {
			dl->year = y;
			i += 6;
		}
	}
	return i;
}

/* " (Reuters)", " (AP)", " (Agence France-Presse)": its length. */
static size_t agency(const char *s, size_t n, ng_dateline *dl, size_t at)
{
	size_t i = spaces(s, n);
	if (i >= n || s[i] != '(' || i + 2 >= n || !isupper((unsigned char)s[i + 1]))
		return 0;
	size_t b = i + 1, e = b;
	while (e < n && e - b <= 40 && (isalpha((unsigned char)s[e]) || strchr(" &-.'", s[e])))
		e++;
	if (e >= n || s[e] != ')' || e - b > 40)
		return 0;
	dl->agency_start = at + b;
	dl->agency_end = at + e;
	return e + 1;
}

/* A dateline at text[p]: the place in capitals (up to four words, maybe
 * with a region: "PORTLAND, Maine,"), then a day, an agency or both, or a
 * long dash, then the dash that opens the story. */
static int dateline_at(const char *text, size_t len, size_t p, ng_dateline *dl)
{
	const char *s = text + p;
	size_t n = len - p < 200 ? len - p : 200, i = 0, words = 0;
	memset(dl, 0, sizeof *dl);
	for (size_t w; (w = caps_word(s + i, n - i));) {
		i += w;
		words++;
		if (words < 4 && i + 1 < n && s[i] == ' ' && caps_word(s + i + 1, n - i - 1))
			i++;
		else
			break;
	}
	if (!words || i < 2)
		return 0;
	dl->place_start = p;
	dl->place_end = p + i;
	size_t ml;
	/* a region after the place: ", Calif.", ", Maine" (not a month) */
	if (i + 3 < n && s[i] == ',' && s[i + 1] == ' ' && isupper((unsigned char)s[i + 2]) && !month(s + i + 2, n - i - 2, &ml)) {
		size_t r = i + 2;
		while (r < n && (isalpha((unsigned char)s[r]) || s[r] == '.'))
			r++;
		if (r < n && r - i < 20 && (s[r] == ',' || s[r] == ' '))
			i = r;
	}
	i += day_part(s + i, n - i, dl);
	i += agency(s + i, n - i, dl, p + i);
	size_t sp = spaces(s + i, n - i), d = dash(s + i + sp, n - i - sp);
	if (!d)
		return 0;
	int long_dash = s[i + sp] != '-' || s[i + sp + 1] == '-';
	if (!dl->month && !dl->agency_end && !long_dash)
		return 0;
	i += sp + d;
	dl->start = p;
	dl->end = p + i;
	return 1;
}

int ng_dateline_find(const char *text, size_t len, ng_dateline *dl)
{
	if (dateline_at(text, len, 0, dl))
		return 1;
	/* After a headline: its line, then a blank line. */
	const char *nl = memchr(text, '\n', len < 1024 ? len : 1024);
	if (!nl)
		return 0;
	size_t p = (size_t)(nl - text) + 1;
	if (p < len && text[p] == '\r')
		p++;
	if (p >= len || text[p] != '\n')
		return 0;
	while (p < len && (text[p] == '\n' || text[p] == '\r'))
		p++;
	return p < len && dateline_at(text, len, p, dl);
}

int ng_dateline_date(const ng_dateline *dl, const char *ref, char out[11])
{
	if (!dl->month)
		return 0;
	int year = dl->year;
	if (!year && ref && ng_date_check(ref, 10, 0) == 1) {
		/* The year of the reference day (a crawl's, a batch's), or the
		 * one before when the day would fall after it. */
		year = atoi(ref);
		char same[48];
		snprintf(same, sizeof same, "%04d-%02d-%02d", year % 10000, dl->month, dl->day);
		if (strncmp(same, ref, 10) > 0)
			year--;
	}
	if (year < 1 || year > 9999 || dl->month > 12 || dl->day > 31)
		return 0;
	char d[48];
	snprintf(d, sizeof d, "%04d-%02d-%02d", year, dl->month, dl->day);
	memcpy(out, d, 11);
	return ng_date_check(out, 10, 0) == 1;
}

int ng_dateline_day(const char *text, size_t len, const char *ref, char out[11])
{
	ng_dateline dl;
	return ng_dateline_find(text, len, &dl) && ng_dateline_date(&dl, ref, out);
}

int ng_dateline_split(ng_doc *d, const ng_dateline *dl)
{
	size_t s = 0, k;
	while (s < d->nsents && d->sents[s].end <= dl->start)
		s++;
	if (s == d->nsents || d->sents[s].headline || d->sents[s].start > dl->start)
		return 0;
	for (k = d->sents[s].tok_begin; k < d->sents[s].tok_end && d->toks[k].start < dl->end; k++)
		;
	if (k == d->sents[s].tok_begin || k == d->sents[s].tok_end)
		return 0;
	ng_sentence *slot = NG_PUSH(d->sents, d->nsents, d->csents);
	if (!slot)
		return NG_ENOMEM;
	memmove(&d->sents[s + 1], &d->sents[s], (d->nsents - 1 - s) * sizeof *d->sents);
	/* "MOSCOW, May 16 (Reuters) -" alone; the story's first sentence
	 * after it, where "May" is no modal verb */
	d->sents[s].end = d->toks[k - 1].end;
	d->sents[s].tok_end = (uint32_t)k;
	d->sents[s + 1].start = d->toks[k].start;
	d->sents[s + 1].tok_begin = (uint32_t)k;
	for (size_t i = s; i < d->nsents; i++)
		for (size_t t = d->sents[i].tok_begin; t < d->sents[i].tok_end; t++)
			d->toks[t].sent = (uint32_t)i;
	return 0;
}
