/* Text layer, part 1: UTF-8 validation and the normal form used for
 * matching. Input: raw article bytes. Output: an error, or normalised text.
 * Evidence always quotes the original bytes; only matching sees this form. */
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

uint32_t ng_utf8_decode(const unsigned char *s, size_t avail, size_t *len)
{
	unsigned c = s[0];
	if (c < 0x80 || avail < 2) {
		*len = 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0) {
		*len = 2;
		return ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
	}
	if ((c & 0xF0) == 0xE0 && avail >= 3) {
		*len = 3;
		return ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
	}
	if ((c & 0xF8) == 0xF0 && avail >= 4) {
		*len = 4;
		return ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
	}
	*len = 1;
	return c;
}

/* Latin-1 and Latin Extended-A, Greek and Cyrillic capitals: the scripts
 * whose names appear in English news. Extended-A alternates capital and
 * small letter, with the phase flipping at U+0139 and U+0179. */
uint32_t ng_cp_lower(uint32_t cp)
{
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 0x20;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1) ? cp + 1 : cp;
	if (cp == 0x178)
		return 0xFF;
	return cp;
}

int ng_cp_upper(uint32_t cp)
{
	return ng_cp_lower(cp) != cp;
}

size_t ng_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int ng_text_check(const char *text, size_t len, const char *name, ng_error *err)
{
	const unsigned char *s = (const unsigned char *)text;
	if (len > NG_MAX_TEXT)
		return ng_fail(err, NG_ELIMIT, name, 0, "larger than 1 GiB");
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return ng_fail(err, NG_EINVAL, name, 0, "input is UTF-16 (byte order mark), not UTF-8");
	for (size_t i = 0; i < len;) {
		/* Printable ASCII and ordinary white space: the common case. */
		while (i < len && s[i] < 0x80 && (s[i] >= 0x20 || (s[i] >= '\t' && s[i] <= '\r')))
			i++;
		if (i >= len)
			break;
		unsigned c = s[i];
		if (c == 0)
			return ng_fail(err, NG_EINVAL, name, 0, "NUL byte at offset %zu: binary input, not text", i);
		if (c < 0x80)
			return ng_fail(err, NG_EINVAL, name, 0, "control byte 0x%02x at offset %zu: binary input, not text", c,
			               i);
		size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
		int ok = n && i + n <= len;
		for (size_t k = 1; ok && k < n; k++)
			ok = (s[i + k] & 0xC0) == 0x80;
		if (ok) {
			size_t l;
			uint32_t cp = ng_utf8_decode(s + i, len - i, &l);
			ok = !(n == 2 && cp < 0x80) && !(n == 3 && cp < 0x800) && !(n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) &&
			     !(cp >= 0xD800 && cp <= 0xDFFF);
		}
		if (!ok) {
			size_t line = 1;
			for (size_t k = 0; k < i; k++)
				line += s[k] == '\n';
			return ng_fail(err, NG_EINVAL, name, 0, "invalid UTF-8 at offset %zu (line %zu)", i, line);
		}
		i += n;
	}
	return 0;
}

int ng_norm_append(ng_buf *b, const char *text, size_t n)
{
	const unsigned char *s = (const unsigned char *)text;
	/* The normal form is never longer than the text (each replacement is
	 * at most as long as what it replaces): reserve once, and copy ASCII
	 * runs without further checks. */
	if (ng_grow((void **)&b->s, &b->cap, b->len + n + 1, 1))
		return NG_ENOMEM;
	for (size_t i = 0; i < n;) {
		if (s[i] < 0x80) {
			unsigned char c = s[i++];
			b->s[b->len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		size_t l;
		uint32_t cp = ng_utf8_decode(s + i, n - i, &l);
		int r;
		if (cp < 0x80)
			r = ng_buf_addc(b, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
		else if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032 || cp == 0x02BC)
			r = ng_buf_addc(b, '\'');
		else if (cp == 0x201C || cp == 0x201D || cp == 0x00AB || cp == 0x00BB || cp == 0x2033)
			r = ng_buf_addc(b, '"');
		else if (cp >= 0x2010 && cp <= 0x2015)
			r = ng_buf_addc(b, '-');
		else if (cp == 0x00A0 || cp == 0x2009 || cp == 0x202F || cp == 0x2007)
			r = ng_buf_addc(b, ' ');
		else if (cp == 0x2026)
			r = ng_buf_adds(b, "...");
		else if (ng_cp_upper(cp) && l == 2) {
			/* a capital and its small letter are both two bytes */
			char enc[4];
			r = ng_buf_add(b, enc, ng_utf8_encode(ng_cp_lower(cp), enc));
		} else
			r = ng_buf_add(b, text + i, l);
		if (r)
			return r;
		i += l;
	}
	b->s[b->len] = 0;
	return 0;
}
