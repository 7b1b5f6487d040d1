/* Relations, part 3b: dates. Input: normalised sentence text and what the
 * article has said so far. Output: ISO 8601 dates as precise as the text
 * allows: "on May 16" (--05-16, or 2024-05-16 with a known year), "on the
 * 16th" (the month last named), "in April this year", "last year", "a week
 * ago", "by 2023", "November 1985". The words (months, "last", "two",
 * "since") are the lexicon's calendar classes (kb/calendar.txt). */
#include "relations/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsgraph/schema.h"

void ng_date_ref_init(ng_date_ref *r, const char *date)
{
	memset(r, 0, sizeof *r);
	if (date && sscanf(date, "%4d-%2d-%2d", &r->y, &r->m, &r->d) != 3)
		r->y = r->m = r->d = 0;
	r->cur_m = r->m;
	r->cur_y = r->y;
}

/* Days since 1970-01-01 and back (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A word of the text and its cue classes. */
typedef struct word {
	char s[24];
	ng_classes cls;
} word;

/* The classes a date expression may begin with, besides numbers and
 * "the 16th". */
#define STARTS                                                                                             \
	(NG_CLASS(NG_W_MONTH) | NG_CLASS(NG_W_MONTH_ABBR) | NG_CLASS(NG_W_NUMBER) | NG_CLASS(NG_W_RELATIVE) | \
	 NG_CLASS(NG_W_DAY))

/* Reads the word at s into w (letters and digits), returns its length. */
static size_t read_word(const ng_lexicon *lx, const char *s, word *w)
{
	size_t n = 0;
	while (isalnum((unsigned char)s[n]) && n + 1 < sizeof w->s) {
		w->s[n] = s[n];
		n++;
	}
	w->s[n] = 0;
	w->cls = n ? ng_lexicon_cue(lx, w->s, n) : 0;
	return n;
}

/* strcmp's answer without a call for the usual first-letter mismatch */
#define EQ(a, b) ((a)[0] == (b)[0] && strcmp((a), (b)) == 0)

/* The value of w in class cls, or `none` when w is not of it. */
static int value(const ng_lexicon *lx, const word *w, int cls, int none)
{
	return w->cls & NG_CLASS(cls) ? ng_lexicon_value(lx, cls, w->s, none) : none;
}

static int month_of(const ng_lexicon *lx, const word *w)
{
	int m = value(lx, w, NG_W_MONTH, 0);
	return m ? m : value(lx, w, NG_W_MONTH_ABBR, 0);
}

static int ordinal_day(const ng_lexicon *lx, const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);
	if (end == w || v < 1 || v > 31)
		return 0;
	if (*end && !(ng_lexicon_cue(lx, end, strlen(end)) & NG_CLASS(NG_W_ORDINAL_SUFFIX)))
		return 0;
	return (int)v;
}

static int year_of(const char *w)
{
	if (strlen(w) != 4 || !isdigit((unsigned char)w[0]))
		return 0;
	int y = atoi(w);
	return y >= 1900 && y <= 2100 ? y : 0;
}

static int emit(char *out, size_t n, int y, int m, int d)
{
	/* "September 31" is no day: the month stands, the day is dropped. */
	char day[16];
	if (m && d) {
		int l = y ? snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, d) : snprintf(day, sizeof day, "--%02d-%02d", m, d);
		if (l < 0 || ng_date_check(day, (size_t)l, 1) != 1)
			d = 0;
	}
	if (y && m && d)
		snprintf(out, n, "%04d-%02d-%02d", y, m, d);
	else if (y && m)
		snprintf(out, n, "%04d-%02d", y, m);
	else if (y)
		snprintf(out, n, "%04d", y);
	else if (m && d)
		snprintf(out, n, "--%02d-%02d", m, d);
	else
		return 0;
	return 1;
}

/* The patterns below look at the four words w from a possible start.
 * Each returns -1 when it does not apply, else ng_date_find's answer. */
typedef struct at {
	ng_date_ref *r;
	const ng_lexicon *lx;
	const word *w;
	char *out;
	size_t n;
} at;

/* "May 16", "May 16, 2024", "April this year", "May last year" */
static int month_first(const at *a)
{
	const word *w = a->w;
	ng_date_ref *r = a->r;
	int m = month_of(a->lx, &w[0]);
	if (!m || (m == 5 && EQ(w[0].s, "may") && !ordinal_day(a->lx, w[1].s) && !year_of(w[1].s)))
		return -1;
	int d = ordinal_day(a->lx, w[1].s);
	int y = d ? year_of(w[2].s) : year_of(w[1].s);
	if (!y && (value(a->lx, &w[1], NG_W_RELATIVE, -2) == 0 || value(a->lx, &w[2], NG_W_RELATIVE, -2) == 0))
		y = r->y;
	if (!y && value(a->lx, &w[1], NG_W_RELATIVE, 0) == -1 && EQ(w[2].s, "year") && r->y)
		y = r->y - 1;
	r->cur_m = m;
	if (y)
		r->cur_y = y;
	else if (r->y)
		y = r->y;
	return emit(a->out, a->n, y, m, d);
}

/* "16 May", "the 16th" (of the month last named) */
static int day_first(const at *a)
{
	const word *w = a->w;
	ng_date_ref *r = a->r;
	int d = ordinal_day(a->lx, w[0].s);
	if (d && month_of(a->lx, &w[1])) {
		int y = year_of(w[2].s);
		r->cur_m = month_of(a->lx, &w[1]);
		return emit(a->out, a->n, y ? y : r->y, r->cur_m, d);
	}
	if (EQ(w[0].s, "the") && (d = ordinal_day(a->lx, w[1].s)) && !isdigit((unsigned char)w[1].s[strlen(w[1].s) - 1]) &&
	    r->cur_m)
		return emit(a->out, a->n, r->y ? r->y : 0, r->cur_m, d);
	return -1;
}

/* "last year", "next March", "this month" */
static int relative(const at *a)
{
	const word *w = a->w;
	ng_date_ref *r = a->r;
	if (!(w[0].cls & NG_CLASS(NG_W_RELATIVE)))
		return -1;
	int off = value(a->lx, &w[0], NG_W_RELATIVE, 0);
	if (EQ(w[1].s, "year") && r->y)
		return emit(a->out, a->n, r->y + off, 0, 0);
	int lm = month_of(a->lx, &w[1]);
	if (lm && r->y) {
		int y = r->y;
		if (off < 0 && lm >= r->m)
			y--;
		if (off > 0 && lm <= r->m)
			y++;
		return emit(a->out, a->n, y, lm, 0);
	}
	if (EQ(w[1].s, "month") && r->y) {
		int y = r->y, mm = r->m + off;
		if (mm < 1) {
			mm = 12;
			y--;
		} else if (mm > 12) {
			mm = 1;
			y++;
		}
		return emit(a->out, a->n, y, mm, 0);
	}
	return -1;
}

/* "yesterday", "two weeks ago", "a year ago": from the article's date */
static int days_back(const at *a)
{
	const word *w = a->w;
	ng_date_ref *r = a->r;
	int y, mm, dd;
	if ((w[0].cls & NG_CLASS(NG_W_DAY)) && r->y) {
		civil_from_days(days_from_civil(r->y, r->m, r->d) + value(a->lx, &w[0], NG_W_DAY, 0), &y, &mm, &dd);
		return emit(a->out, a->n, y, mm, dd);
	}
	if (!EQ(w[2].s, "ago") || !r->y)
		return -1;
	int n = value(a->lx, &w[0], NG_W_NUMBER, atoi(w[0].s));
	long unit = strncmp(w[1].s, "day", 3) == 0 ? 1 : strncmp(w[1].s, "week", 4) == 0 ? 7 : 0;
	if (n > 0 && unit) {
		civil_from_days(days_from_civil(r->y, r->m, r->d) - n * unit, &y, &mm, &dd);
		return emit(a->out, a->n, y, mm, dd);
	}
	if (n > 0 && strncmp(w[1].s, "year", 4) == 0)
		return emit(a->out, a->n, r->y - n, 0, 0);
	return -1;
}

/* "in 2023", "by 2023", "since 1985": a bare year after a preposition, not
 * an amount ("2023 tonnes" is rare in news). */
static int bare_year(const at *a, const char *s, size_t pos)
{
	int y = year_of(a->w[0].s);
	if (!y || pos == 0)
		return -1;
	size_t b = pos - 1;
	while (b > 0 && s[b] == ' ')
		b--;
	size_t e = b + 1;
	while (b > 0 && isalpha((unsigned char)s[b - 1]))
		b--;
	if (e - b < 12 && (ng_lexicon_cue(a->lx, s + b, e - b) & NG_CLASS(NG_W_YEAR_PREP)))
		return emit(a->out, a->n, y, 0, 0);
	return -1;
}

/* Could a date start at the word at s? Skips most words by their first
 * letter, then asks the lexicon. Sets *adv to the word's length. */
static int may_start(const ng_lexicon *lx, const uint64_t first[4], const char *s, word *w, size_t *adv)
{
	unsigned char c = (unsigned char)s[0];
	if (!isdigit(c) && !(first[c >> 6] >> (c & 63) & 1)) {
		size_t n = 0;
		while (isalnum((unsigned char)s[n]))
			n++;
		*adv = n;
		return 0;
	}
	*adv = read_word(lx, s, w);
	return isdigit(c) || (w->cls & STARTS) || EQ(w->s, "the");
}

int ng_date_find(ng_date_ref *r, const ng_lexicon *lx, const char *s, char *out, size_t outsz, size_t *where)
{
	word w[4];
	uint64_t first[4] = {0};
	ng_lexicon_first_bytes(lx, STARTS, first);
	first['t' >> 6] |= (uint64_t)1 << ('t' & 63); /* the 16th */
	size_t pos = 0, len = strlen(s);
	while (pos < len) {
		while (pos < len && !isalnum((unsigned char)s[pos]))
			pos++;
		if (pos >= len)
			break;
		if (pos > 0 && isalnum((unsigned char)s[pos - 1])) {
			pos++;
			continue;
		}
		size_t adv;
		if (!may_start(lx, first, s + pos, &w[0], &adv)) {
			pos += adv ? adv : 1;
			continue;
		}
		/* the next four words */
		size_t p = pos;
		for (int k = 0; k < 4; k++) {
			while (p < len && (s[p] == ' ' || s[p] == ','))
				p++;
			size_t l = read_word(lx, s + p, &w[k]);
			if (k == 0)
				adv = l;
			p += l;
			if (s[p] == '.')
				p++;
		}
		at a = {r, lx, w, out, outsz};
		int found = month_first(&a);
		if (found < 0)
			found = day_first(&a);
		if (found < 0)
			found = relative(&a);
		if (found < 0)
			found = days_back(&a);
		if (found < 0)
			found = bare_year(&a, s, pos);
		if (found >= 0) {
			if (where)
				*where = pos;
			return found;
		}
		pos += adv ? adv : 1;
	}
	return 0;
}
