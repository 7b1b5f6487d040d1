/* Relations, part 3a: modality and negation. Input: a placeholder sentence
 * and a match span. Output: the evidence's modality and negation, from cue
 * words in the clause around the match; the most hedged cue wins. */
#include "relations/modality.h"

#include <ctype.h>
#include <string.h>

static const char *const neg[] = {"not", "n't", "never", "no longer", "denied", "denies", "deny",
                                  "refused", "refuses", "refuse", "declined to", "failed to",
                                  "fails to", "ruled out", NULL};
static const char *const hyp[] = {"can", "could", "may", "might", "possibly", "possible", "hopes",
                                  "hope", "hoped", "hoping", "wants", "want", "wanted", "would like",
                                  "if", "likely", "potentially", "seeks", "seeking", "seek", "trying",
                                  "try to", "probably", "perhaps", "considering", "unless", "wish", NULL};
static const char *const exp_[] = {"will", "'ll", "would", "shall", "expected", "expects", "plans",
                                   "plan", "planned", "planning", "is set to", "are set to", "due to",
                                   "going to", "intends", "intend", "aims to", "scheduled", "upcoming",
                                   "is to", "are to", "prepared", "preparing", "next week", "next month",
                                   "next year", "tomorrow", "soon", NULL};
static const char *const rep[] = {"said", "says", "say", "told", "according to", "reported", "reports",
                                  "stated", "quoted", "believes", "believe", "claimed", "claims",
                                  "sources", "analyze", "analyse", "analysts", "experts", "announced",
                                  "alleged", "allegedly", "reportedly", "added", "noted", NULL};

/* Does a cue word or phrase occur in s[a, b) at word boundaries? */
static int has(const char *s, size_t a, size_t b, const char *const *cues)
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
			if (left && right)
				return 1;
		}
	}
	return 0;
}

int ng_modality_reported(const char *ph)
{
	return has(ph, 0, strlen(ph), rep);
}

int ng_modality_classify(const char *ph, size_t start, size_t end, int reported, int *negated)
{
	/* The clause before the match: back to a clause boundary, at most 60
	 * bytes. */
	size_t a = start > 60 ? start - 60 : 0;
	for (size_t i = start; i > a; i--)
		if (ph[i - 1] == ';' || ph[i - 1] == ':' || (ph[i - 1] == ',' && i + 1 < start && i < start - 25)) {
			a = i;
			break;
		}
	size_t na = start > 20 ? start - 20 : 0;
	static const char *const idiom[] = {"can't wait", "couldn't wait", "cannot wait", "not only", NULL};
	*negated = has(ph, na < a ? a : na, end, neg) && !has(ph, na < a ? a : na, end, idiom);
	if (has(ph, a, end, hyp))
		return 3;
	if (has(ph, a, end, exp_))
		return 2;
	return reported ? 1 : 0;
}
