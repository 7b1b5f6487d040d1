/* Syntax layer: cutting tokens into treebank words (see words.h). */
#include "syntax/words.h"

#include <string.h>
#include <strings.h>

/* Prefixes the treebanks keep joined to their hyphen ("co-founder",
 * "non-profit", "e-mail"); other inner hyphens are words of their own. */
static const char *const joined[] = {"anti", "co", "counter", "e", "ex", "mid", "multi", "non", "post",
                                     "pre", "pro", "re", "semi", "vice"};

static int letter(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static int joined_prefix(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof joined / sizeof *joined; i++)
		if (strlen(joined[i]) == n && !strncasecmp(s, joined[i], n))
			return 1;
	return 0;
}

/* Length of the apostrophe at s (' or U+2019), 0 if none. */
static size_t apostrophe(const char *s, size_t n)
{
	if (n >= 1 && s[0] == '\'')
		return 1;
	return n >= 3 && !memcmp(s, "\xE2\x80\x99", 3) ? 3 : 0;
}

/* Where a clitic starts in the word s[0, n): "n't", "'s", "'re", "'ve",
 * "'ll", "'d", "'m" at its end; n when there is none. */
static size_t clitic(const char *s, size_t n)
{
	static const char *const tails[] = {"s", "re", "ve", "ll", "d", "m"};
	for (size_t i = 1; i < n; i++) {
		size_t a = apostrophe(s + i, n - i);
		if (!a)
			continue;
		size_t rest = n - i - a;
		if (rest == 1 && (s[i + a] | 32) == 't' && (s[i - 1] | 32) == 'n' && i >= 2)
			return i - 1;
		for (size_t k = 0; k < sizeof tails / sizeof *tails; k++)
			if (strlen(tails[k]) == rest && !strncasecmp(s + i + a, tails[k], rest))
				return i;
		return n;
	}
	return n;
}

size_t ng_words_cut(const char *s, size_t n, size_t ends[NG_WORDS_MAX])
{
	size_t k = 0, start = 0;
	/* inner hyphens between letters */
	for (size_t i = 1; i + 1 < n && k + 3 < NG_WORDS_MAX; i++)
		if (s[i] == '-' && letter((unsigned char)s[i - 1]) && letter((unsigned char)s[i + 1]) &&
		    !joined_prefix(s + start, i - start)) {
			ends[k++] = i;
			ends[k++] = i + 1;
			start = i + 1;
		}
	size_t c = clitic(s + start, n - start);
	/* "can't" is "ca n't" and "cannot" is "can not", as in the treebanks */
	if (c < n - start)
		ends[k++] = start + c;
	else if (k == 0 && n == 6 && !strncasecmp(s, "cannot", 6))
		ends[k++] = 3;
	ends[k++] = n;
	return k;
}
