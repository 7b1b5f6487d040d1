/* Relations, part 3a: modality and negation. Input: a placeholder sentence
 * and a match span. Output: the evidence's modality and negation, from cue
 * words (the lexicon's classes, kb/modality.txt) in the clause around the
 * match; the most hedged cue wins. */
#include "relations/modality.h"

#include <ctype.h>
#include <string.h>

/* Is the word at ph[i] the verb of an object relative clause: "which",
 * "that" or "whom" and its subject at most three words before it ("a
 * treaty that both governments said would ...")? A longer gap is the
 * main clause again ("a source that declined to be named said"). */
static int in_relative(const char *ph, size_t i)
{
	static const char *const rel[] = {" which ", " whom ", " that "};
	size_t a = i, words = 0;
	while (a > 0 && ph[a - 1] != ',' && words <= 4) {
		a--;
		if (ph[a] == ' ')
			words++;
	}
	for (size_t k = 0; k < sizeof rel / sizeof *rel; k++) {
		size_t l = strlen(rel[k]);
		for (size_t j = a; j + l <= i; j++)
			if (!memcmp(ph + j, rel[k], l))
				return 1;
	}
	return 0;
}

static int is_month_date(const ng_lexicon *lx, const char *s, size_t i, size_t l)
{
	return s[i + l] == ' ' && isdigit((unsigned char)s[i + l + 1]) &&
	       (ng_lexicon_cue(lx, s + i, l) & NG_CLASS(NG_W_MONTH));
}

/* Does a cue word or phrase occur in s[a, b) at word boundaries, where
 * skip (if any) does not refuse it? A cue beginning with an apostrophe or
 * "n" may start inside a word ("don't", "he'll"; "cannot" holds "not"). */
static int has_where(const ng_lexicon *lx, const char *s, size_t a, size_t b, const char *const *cues,
                     int (*skip)(const char *, size_t))
{
	for (const char *const *c = cues; *c; c++) {
		size_t l = strlen(*c);
		for (size_t i = a; i + l <= b; i++) {
			if (s[i] != (*c)[0] || memcmp(s + i, *c, l) != 0)
				continue;
			int left = i == 0 || !isalnum((unsigned char)s[i - 1]) || (*c)[0] == '\'' || (*c)[0] == 'n';
			int right = i + l >= b || !isalnum((unsigned char)s[i + l]) || !isalnum((unsigned char)(*c)[l - 1]);
			if ((*c)[0] == 'n' && (*c)[1] == '\'')
				left = 1;
			/* "may 14" is a date, not a modal */
			if (left && right && !is_month_date(lx, s, i, l) && !(skip && skip(s, i)))
				return 1;
		}
	}
	return 0;
}

static int has(const ng_lexicon *lx, const char *s, size_t a, size_t b, const char *const *cues)
{
	return has_where(lx, s, a, b, cues, NULL);
}

int ng_modality_reported(const ng_lexicon *lx, const char *ph)
{
	/* a reporting verb inside a relative clause reports that clause only
	 * ("signed a treaty that both governments said would ...") */
	return has_where(lx, ph, 0, strlen(ph), ng_lexicon_forms(lx, NG_W_REPORTING), in_relative);
}

int ng_modality_classify(const ng_lexicon *lx, const char *ph, size_t start, size_t end, int reported, int *negated)
{
	/* The clause before the match: back to a clause boundary (a
	 * clause-break word such as "while" or "after" too), at most 60
	 * bytes. */
	size_t a = start > 60 ? start - 60 : 0;
	for (size_t i = start; i > a; i--) {
		if (ph[i - 1] == ';' || ph[i - 1] == ':' || (ph[i - 1] == ',' && i + 1 < start && i < start - 25)) {
			a = i;
			break;
		}
		size_t l = 0;
		while (i + l < start && isalpha((unsigned char)ph[i + l]))
			l++;
		if (l && l < 16 && (i == 1 || !isalpha((unsigned char)ph[i - 1])) &&
		    (ng_lexicon_cue(lx, ph + i, l) & NG_CLASS(NG_W_CLAUSE_BREAK))) {
			a = i;
			break;
		}
	}
	size_t na = start > 20 ? start - 20 : 0;
	*negated = has(lx, ph, na < a ? a : na, end, ng_lexicon_forms(lx, NG_W_NEGATION)) &&
	           !has(lx, ph, na < a ? a : na, end, ng_lexicon_forms(lx, NG_W_NEGATION_IDIOM));
	if (has(lx, ph, a, end, ng_lexicon_forms(lx, NG_W_HYPOTHETICAL)))
		return 3;
	if (has(lx, ph, a, end, ng_lexicon_forms(lx, NG_W_EXPECTED)))
		return 2;
	return reported ? 1 : 0;
}

int ng_modality_controlled(const ng_lexicon *lx, const char *ph, size_t at)
{
	if (at < 4 || memcmp(ph + at - 4, " to ", 4) != 0)
		return 0;
	size_t e = at - 4, b = e;
	while (b > 0 && isalpha((unsigned char)ph[b - 1]))
		b--;
	return e > b && (ng_lexicon_cue(lx, ph + b, e - b) & NG_CLASS(NG_W_HYPOTHETICAL_CONTROL));
}
