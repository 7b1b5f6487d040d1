/* The text layer's characters: UTF-8 checking, decoding and case, and the
 * normal form used for matching. */
#ifndef NG_TEXT_UTF8_H
#define NG_TEXT_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "newsgraph/text.h"
#include "util/util.h"

/* Largest text read (an article, a lexicon, a rule file): offsets into it
 * and into its normal forms are 32-bit. Larger gives NG_ELIMIT. */
#define NG_MAX_TEXT ((size_t)1 << 30)

/* ng_text_check (newsgraph/text.h): the check every reader runs first. */

/* Normalises [s, s+n) for matching into b: lower case, straight quotes and
 * apostrophes, ASCII hyphens, plain spaces. */
int ng_norm_append(ng_buf *b, const char *s, size_t n);

/* Case of the letters newsgraph folds beyond ASCII (Latin-1, Latin
 * Extended-A, Greek, Cyrillic): the small letter, or cp itself. */
uint32_t ng_cp_lower(uint32_t cp);
int ng_cp_upper(uint32_t cp);
/* Encodes cp as UTF-8 into out (4 bytes room); returns the length. */
size_t ng_utf8_encode(uint32_t cp, char *out);

/* Decodes one UTF-8 code point at s (valid input assumed); sets *len. */
uint32_t ng_utf8_decode(const unsigned char *s, size_t avail, size_t *len);

#endif
