/* Syntax layer: the words of a token as the treebanks cut them. The text
 * layer keeps "don't", "it's" and "Russia-Ukraine" whole, because names
 * and rules read them that way; the tagger and the parser were trained on
 * UD English, which writes "do n't", "it 's" and "Russia - Ukraine". */
#ifndef NG_SYNTAX_WORDS_H
#define NG_SYNTAX_WORDS_H

#include <stddef.h>

/* Most words one token gives. */
#define NG_WORDS_MAX 16

/* Cuts the token s[0, n) into words: fills ends[] with the end of each
 * word (the last is n) and returns their number, 1 when it stays whole. */
size_t ng_words_cut(const char *s, size_t n, size_t ends[NG_WORDS_MAX]);

#endif
