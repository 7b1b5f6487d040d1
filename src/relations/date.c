/* Relations, part 3b: dates. Input: normalised sentence text and what the
 * article has said so far. Output: ISO 8601 dates as precise as the text
 * allows: "on May 16" (--05-16, or 2024-05-16 with a known year), "on the
 * 16th" (the month last named), "in April this year", "last year", "a week
 * ago", "by 2023", "November 1985". */
#include "relations/date.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {"january", "february", "march", "april", "may", "june", "july",
                                     "august", "september", "october", "november", "december"};
static const char *const mabbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

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

/* Every word that can begin a date expression other than a number,
 * sorted. */
static const char *const starters[] = {
	"a", "apr", "april", "aug", "august", "dec", "december", "feb", "february", "five", "four", "jan",
	"january", "jul", "july", "jun", "june", "last", "mar", "march", "may", "next", "nov", "november",
	"oct", "october", "one", "sep", "september", "six", "the", "this", "three", "today", "tomorrow", "two",
	"yesterday"};
#define NSTARTERS (sizeof starters / sizeof *starters)

/* Is w one of the starters? Only those with w's first letter are compared
 * (they are sorted, so they are one run). */
static int starter(const char *w)
{
	for (size_t k = 0; k < NSTARTERS; k++) {
		if (starters[k][0] < w[0])
			continue;
		if (starters[k][0] > w[0])
			return 0;
		if (strcmp(starters[k], w) == 0)
			return 1;
	}
	return 0;
}

/* Reads the word at s into w (letters and digits), returns its length. */
static size_t word(const char *s, char *w, size_t cap)
{
	size_t n = 0;
	while (isalnum((unsigned char)s[n]) && n + 1 < cap) {
		w[n] = s[n];
		n++;
	}
	w[n] = 0;
	return n;
}

/* strcmp's answer without a call for the usual first-letter mismatch */
#define EQ(a, b) ((a)[0] == (b)[0] && strcmp((a), (b)) == 0)

static int month_of(const char *w)
{
	if (!strchr("adfjmnos", w[0]) || !w[0])
		return 0;
	for (int i = 0; i < 12; i++)
		if (EQ(w, months[i]) || (EQ(w, mabbr[i]) && i != 4))
			return i + 1;
	return 0;
}

static int ordinal_day(const char *w)
{
	char *end;
	long v = strtol(w, &end, 10);
	if (end == w || v < 1 || v > 31)
		return 0;
	if (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th"))
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

int ng_date_find(ng_date_ref *r, const char *s, char *out, size_t outsz)
{
	char w[4][24];
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
		/* Most words cannot start a date: skip them by their first letter,
		 * or after one copy. */
		if (!isdigit((unsigned char)s[pos]) && !strchr("adfjlmnosty", s[pos])) {
			while (pos < len && isalnum((unsigned char)s[pos]))
				pos++;
			continue;
		}
		size_t adv = word(s + pos, w[0], sizeof w[0]);
		if (!isdigit((unsigned char)w[0][0]) && !starter(w[0])) {
			pos += adv ? adv : 1;
			continue;
		}
		/* the next four words */
		size_t p = pos;
		for (int k = 0; k < 4; k++) {
			while (p < len && (s[p] == ' ' || s[p] == ','))
				p++;
			size_t l = word(s + p, w[k], sizeof w[k]);
			if (k == 0)
				adv = l;
			p += l;
			if (s[p] == '.')
				p++;
		}
		int m = month_of(w[0]);
		if (m && !(m == 5 && EQ(w[0], "may") && !ordinal_day(w[1]) && !year_of(w[1]))) {
			int d = ordinal_day(w[1]);
			int y = d ? year_of(w[2]) : year_of(w[1]);
			if (!y && (EQ(w[1], "this") || EQ(w[2], "this")))
				y = r->y;
			if (!y && EQ(w[1], "last") && EQ(w[2], "year") && r->y)
				y = r->y - 1;
			r->cur_m = m;
			if (y)
				r->cur_y = y;
			else if (r->y)
				y = r->y;
			return emit(out, outsz, y, m, d);
		}
		int d = ordinal_day(w[0]);
		if (d && month_of(w[1])) {
			int y = year_of(w[2]);
			r->cur_m = month_of(w[1]);
			return emit(out, outsz, y ? y : r->y, r->cur_m, d);
		}
		if (EQ(w[0], "the") && (d = ordinal_day(w[1])) && !isdigit((unsigned char)w[1][strlen(w[1]) - 1]) &&
		    r->cur_m)
			return emit(out, outsz, r->y ? r->y : 0, r->cur_m, d);
		if (EQ(w[0], "last") || EQ(w[0], "this") || EQ(w[0], "next")) {
			int off = w[0][0] == 'l' ? -1 : w[0][0] == 't' ? 0 : 1;
			if (EQ(w[1], "year") && r->y)
				return emit(out, outsz, r->y + off, 0, 0);
			int lm = month_of(w[1]);
			if (lm && r->y) {
				int y = r->y;
				if (off < 0 && lm >= r->m)
					y--;
				if (off > 0 && lm <= r->m)
					y++;
				return emit(out, outsz, y, lm, 0);
			}
			if (EQ(w[1], "month") && r->y) {
				int y = r->y, mm = r->m + off;
				if (mm < 1) {
					mm = 12;
					y--;
				} else if (mm > 12) {
					mm = 1;
					y++;
				}
				return emit(out, outsz, y, mm, 0);
			}
		}
		if ((EQ(w[0], "yesterday") || EQ(w[0], "today") || EQ(w[0], "tomorrow")) &&
		    r->y) {
			int off = w[0][0] == 'y' ? -1 : w[0][2] == 'd' ? 0 : 1;
			int y, mm, dd;
			civil_from_days(days_from_civil(r->y, r->m, r->d) + off, &y, &mm, &dd);
			return emit(out, outsz, y, mm, dd);
		}
		if (EQ(w[2], "ago") && r->y) {
			static const char *const nums[] = {"a", "one", "two", "three", "four", "five", "six"};
			int n = atoi(w[0]);
			for (int k = 0; k < 7; k++)
				if (strcmp(w[0], nums[k]) == 0)
					n = k ? k : 1;
			long unit = strncmp(w[1], "day", 3) == 0 ? 1 : strncmp(w[1], "week", 4) == 0 ? 7 : 0;
			if (n > 0 && unit) {
				int y, mm, dd;
				civil_from_days(days_from_civil(r->y, r->m, r->d) - n * unit, &y, &mm, &dd);
				return emit(out, outsz, y, mm, dd);
			}
			if (n > 0 && strncmp(w[1], "year", 4) == 0)
				return emit(out, outsz, r->y - n, 0, 0);
		}
		int y = year_of(w[0]);
		if (y && pos > 0) {
			/* "in 2023", "by 2023", "since 1985": a bare year after a
			 * preposition, not an amount ("2023 tonnes" is rare in news). */
			size_t b = pos - 1;
			while (b > 0 && s[b] == ' ')
				b--;
			size_t e = b + 1;
			while (b > 0 && isalpha((unsigned char)s[b - 1]))
				b--;
			char prev[12] = {0};
			if (e - b < sizeof prev)
				memcpy(prev, s + b, e - b);
			if (!strcmp(prev, "in") || !strcmp(prev, "by") || !strcmp(prev, "since") || !strcmp(prev, "until") ||
			    !strcmp(prev, "of") || !strcmp(prev, "from") || !strcmp(prev, "during") || !strcmp(prev, "before") ||
			    !strcmp(prev, "after"))
				return emit(out, outsz, y, 0, 0);
		}
		pos += adv ? adv : 1;
	}
	return 0;
}
