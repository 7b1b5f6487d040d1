/* Input: the HTTP response kept in a WARC record. Input: the record's
 * block (status line, headers, body). Output: the body as the server meant
 * it, chunked transfer and gzip or deflate content encoding undone. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "input/http.h"

const char *ng_input_find(const char *s, size_t n, const char *pat, size_t k)
{
	for (const char *p = s; k <= n && (p = memchr(p, pat[0], n - k + 1 - (size_t)(p - s)));) {
		if (!memcmp(p, pat, k))
			return p;
		p++;
	}
	return NULL;
}

/* The value of header `name` in the header lines [h, end), or NULL. */
static const char *header(const char *h, const char *end, const char *name, size_t *vlen)
{
	size_t nl = strlen(name);
	while (h < end) {
		const char *eol = memchr(h, '\n', (size_t)(end - h));
		if (!eol)
			eol = end;
		if ((size_t)(eol - h) > nl && !strncasecmp(h, name, nl) && h[nl] == ':') {
			const char *v = h + nl + 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			const char *e = eol;
			while (e > v && isspace((unsigned char)e[-1]))
				e--;
			*vlen = (size_t)(e - v);
			return v;
		}
		h = eol + 1;
	}
	return NULL;
}

int ng_http_kind(const char *type, size_t n)
{
	static const char *const html[] = {"text/html", "application/xhtml+xml", NULL};
	for (int k = 0; html[k]; k++)
		if (n >= strlen(html[k]) && !strncasecmp(type, html[k], strlen(html[k])))
			return NG_HTTP_HTML;
	if (n >= 10 && !strncasecmp(type, "text/plain", 10))
		return NG_HTTP_TEXT;
	return NG_HTTP_OTHER;
}

/* Undoes chunked transfer coding in place; the new length, or (size_t)-1
 * when the chunks are damaged. */
static size_t unchunk(char *b, size_t n)
{
	size_t r = 0, w = 0;
	for (;;) {
		char *end;
		if (r >= n || !isxdigit((unsigned char)b[r]))
			return (size_t)-1;
		unsigned long long k = strtoull(b + r, &end, 16);
		const char *eol = memchr(b + r, '\n', n - r);
		if (!eol || end > eol)
			return (size_t)-1;
		r = (size_t)(eol - b) + 1;
		if (!k)
			return w;
		if (k > n - r)
			return (size_t)-1;
		memmove(b + w, b + r, (size_t)k);
		w += (size_t)k;
		r += (size_t)k;
		r += r < n && b[r] == '\r';
		if (r >= n || b[r] != '\n')
			return (size_t)-1;
		r++;
	}
}

/* gzip, zlib or raw deflate into out, at most `max` bytes. */
static const char *inflate_all(const char *in, size_t n, ng_buf *out, size_t max, int raw)
{
	z_stream z = {0};
	if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
		return "cannot start zlib";
	z.next_in = (Bytef *)in;
	z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
	const char *why = NULL;
	char chunk[65536];
	for (;;) {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof chunk;
		int zr = inflate(&z, Z_NO_FLUSH);
		size_t got = sizeof chunk - z.avail_out;
		if (out->len + got > max) {
			why = "the decoded body is over the size limit of a record";
			break;
		}
		if (ng_buf_add(out, chunk, got)) {
			why = "out of memory";
			break;
		}
		if (zr == Z_STREAM_END)
			break;
		if (zr != Z_OK) {
			why = zr == Z_BUF_ERROR ? "the compressed body ends early" : "the compressed body is damaged";
			break;
		}
	}
	inflateEnd(&z);
	return why;
}

int ng_http_body(char *block, size_t n, ng_buf *out, int *kind, const char **why)
{
	*why = NULL;
	*kind = NG_HTTP_OTHER;
	char *hend = NULL;
	for (size_t i = 0; i + 1 < n && !hend; i++)
		if (block[i] == '\n' && (block[i + 1] == '\n' || (block[i + 1] == '\r' && i + 2 < n && block[i + 2] == '\n')))
			hend = block + i + 1;
	if (n < 12 || strncmp(block, "HTTP/", 5) || !hend) {
		*why = "the response holds no HTTP status line and headers";
		return -1;
	}
	const char *sp = memchr(block, ' ', (size_t)(hend - block));
	if (!sp || atoi(sp + 1) != 200)
		return 1; /* a redirect, an error page: not an article */
	size_t vl;
	const char *type = header(block, hend, "Content-Type", &vl);
	*kind = type ? ng_http_kind(type, vl) : NG_HTTP_OTHER;
	if (*kind == NG_HTTP_OTHER)
		return 1;
	char *body = hend + (*hend == '\r' ? 2 : 1);
	size_t blen = n - (size_t)(body - block);
	const char *te = header(block, hend, "Transfer-Encoding", &vl);
	if (te && vl >= 7 && !strncasecmp(te, "chunked", 7) && (blen = unchunk(body, blen)) == (size_t)-1) {
		*why = "the chunked body is damaged";
		return -1;
	}
	const char *ce = header(block, hend, "Content-Encoding", &vl);
	out->len = 0;
	if (!ce || (vl == 8 && !strncasecmp(ce, "identity", 8))) {
		if (ng_buf_add(out, body, blen))
			*why = "out of memory";
	} else if ((vl == 4 && !strncasecmp(ce, "gzip", 4)) || (vl == 6 && !strncasecmp(ce, "x-gzip", 6)))
		*why = inflate_all(body, blen, out, NG_WARC_RECORD_MAX, 0);
	else if (vl == 7 && !strncasecmp(ce, "deflate", 7)) {
		/* "deflate" is zlib by the standard, raw deflate by some servers */
		*why = inflate_all(body, blen, out, NG_WARC_RECORD_MAX, 0);
		if (*why) {
			out->len = 0;
			*why = inflate_all(body, blen, out, NG_WARC_RECORD_MAX, 1);
		}
	} else
		*why = "the body's Content-Encoding is not gzip or deflate";
	return *why ? -1 : 0;
}
