/* Input: a web archive (WARC 1.0 and 1.1). Input: a file, plain or gzip
 * (one member for the whole file or one per record, as crawlers write it).
 * Output: its documents one at a time, HTML or plain text pages with their
 * URI and date; the reader holds one record at most. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "input/http.h"
#include "newsgraph/schema.h"

/* A WARC header block is a few hundred bytes. */
#define HEADER_MAX ((size_t)64 << 10)

struct ng_warc {
	FILE *f;
	char name[256];
	z_stream z;
	int gz, zinit, in_eof, out_eof;
	unsigned char in[1 << 16];
	char *buf; /* decoded bytes not yet used: buf[pos, len) */
	size_t pos, len, cap;
	size_t record, offset;
	char *uri;
	char day[11];
	ng_buf body;
};

void ng_warc_free(ng_warc *w)
{
	if (!w)
		return;
	if (w->zinit)
		inflateEnd(&w->z);
	free(w->buf);
	free(w->uri);
	ng_buf_free(&w->body);
	free(w);
}

int ng_warc_new(FILE *f, const char *name, ng_warc **out, ng_error *err)
{
	ng_warc *w = calloc(1, sizeof *w);
	*out = NULL;
	if (!w)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	w->f = f;
	snprintf(w->name, sizeof w->name, "%s", name ? name : "-");
	*out = w;
	return 0;
}

static int io_error(ng_warc *w, ng_error *err, const char *what)
{
	w->out_eof = 1;
	w->pos = w->len = 0;
	return ng_fail(err, NG_EIO, w->name, 0, "%s", what);
}

/* Reads compressed input; the first bytes say whether it is gzip. */
static int feed(ng_warc *w)
{
	size_t got = fread(w->in, 1, sizeof w->in, w->f);
	w->offset += got;
	if (got < sizeof w->in)
		w->in_eof = 1;
	if (!w->zinit && !w->gz && w->record == 0 && w->len == 0 && got >= 2 && w->in[0] == 0x1f && w->in[1] == 0x8b)
		w->gz = 1;
	w->z.next_in = w->in;
	w->z.avail_in = (uInt)got;
	return ferror(w->f) ? -1 : 0;
}

/* Decodes more input into buf[len, cap). */
static int decode(ng_warc *w, ng_error *err)
{
	if (!w->z.avail_in) {
		if (w->in_eof) {
			if (w->gz && w->zinit)
				return io_error(w, err, "the gzip data ends early: the file is truncated");
			w->out_eof = 1;
			return 0;
		}
		if (feed(w))
			return io_error(w, err, "cannot read the file");
		if (!w->z.avail_in)
			return decode(w, err);
	}
	if (!w->gz) {
		size_t n = w->z.avail_in < w->cap - w->len ? w->z.avail_in : w->cap - w->len;
		memcpy(w->buf + w->len, w->z.next_in, n);
		w->z.next_in += n;
		w->z.avail_in -= (uInt)n;
		w->len += n;
		return 0;
	}
	if (!w->zinit) {
		/* A gzip member per record: each is started afresh. */
		if (w->z.avail_in < 2 && !w->in_eof)
			return 0;
		if (w->z.next_in[0] != 0x1f || (w->z.avail_in > 1 && w->z.next_in[1] != 0x8b))
			return io_error(w, err, "data after a gzip member is not gzip: the file is damaged");
		if (inflateInit2(&w->z, 15 + 16) != Z_OK)
			return io_error(w, err, "cannot start zlib");
		w->zinit = 1;
	}
	w->z.next_out = (Bytef *)w->buf + w->len;
	w->z.avail_out = (uInt)(w->cap - w->len);
	int zr = inflate(&w->z, Z_NO_FLUSH);
	w->len = (size_t)((char *)w->z.next_out - w->buf);
	if (zr == Z_STREAM_END) {
		inflateEnd(&w->z);
		w->zinit = 0;
	} else if (zr != Z_OK && zr != Z_BUF_ERROR)
		return io_error(w, err, "the gzip data is damaged");
	return 0;
}

/* Makes at least `need` decoded bytes available at buf + pos, unless the
 * file ends first. 0, or an error. */
static int fill(ng_warc *w, size_t need, ng_error *err)
{
	if (w->pos && w->pos + need > w->cap) {
		memmove(w->buf, w->buf + w->pos, w->len - w->pos);
		w->len -= w->pos;
		w->pos = 0;
	}
	if (need > w->cap) {
		size_t cap = w->cap ? w->cap : 1 << 16;
		while (cap < need)
			cap *= 2;
		char *b = realloc(w->buf, cap);
		if (!b)
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		w->buf = b;
		w->cap = cap;
	}
	while (w->len - w->pos < need && !w->out_eof) {
		int rc = decode(w, err);
		if (rc)
			return rc;
	}
	return 0;
}

static size_t avail(const ng_warc *w)
{
	return w->len - w->pos;
}

/* After a damaged record: on to the next line that opens a record. */
static int resync(ng_warc *w, ng_error *err)
{
	for (;;) {
		int rc = fill(w, 4096, err);
		if (rc)
			return rc;
		const char *b = w->buf + w->pos;
		size_t n = avail(w);
		for (size_t i = 1; i + 9 <= n; i++)
			if (b[i - 1] == '\n' && !memcmp(b + i, "WARC/1.", 7)) {
				w->pos += i;
				return 0;
			}
		if (w->out_eof) {
			w->pos = w->len;
			return 0;
		}
		w->pos += n > 9 ? n - 9 : 0;
	}
}

static int bad(ng_warc *w, ng_error *err, const char *fmt, const char *arg)
{
	char msg[200];
	snprintf(msg, sizeof msg, fmt, arg);
	int rc = resync(w, err);
	return rc ? rc : ng_fail(err, NG_EINVAL, w->name, 0, "record %zu: %s", w->record, msg);
}

/* The value of a WARC header in the block [h, h + n), or NULL. */
static const char *field(const char *h, size_t n, const char *name, size_t *vl)
{
	size_t nl = strlen(name);
	for (const char *p = h, *end = h + n; p < end;) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > nl && !strncasecmp(p, name, nl) && p[nl] == ':') {
			const char *v = p + nl + 1;
			while (v < eol && isspace((unsigned char)*v))
				v++;
			const char *e = eol;
			while (e > v && isspace((unsigned char)e[-1]))
				e--;
			*vl = (size_t)(e - v);
			return v;
		}
		p = eol + 1;
	}
	return NULL;
}

/* Discards n bytes of a record nobody reads, a buffer at a time. */
static int skip(ng_warc *w, size_t n, ng_error *err)
{
	while (n) {
		int rc = fill(w, 1, err);
		if (rc)
			return rc;
		if (!avail(w))
			return io_error(w, err, "the file ends inside a record: it is truncated");
		size_t k = avail(w) < n ? avail(w) : n;
		w->pos += k;
		n -= k;
	}
	return 0;
}

/* The record's header block: from "WARC/1.x" to the blank line. */
static int read_header(ng_warc *w, size_t *hlen, ng_error *err)
{
	for (size_t want = 1024;; want *= 2) {
		int rc = fill(w, want, err);
		if (rc)
			return rc;
		const char *b = w->buf + w->pos;
		size_t n = avail(w);
		if (memcmp(b, "WARC/", n < 5 ? n : 5))
			return bad(w, err, "%s", "not a WARC 1.0 or 1.1 record");
		const char *e = ng_input_find(b, n, "\r\n\r\n", 4);
		if (e) {
			*hlen = (size_t)(e - b) + 4;
			return 0;
		}
		if (w->out_eof || want > HEADER_MAX)
			return w->out_eof ? io_error(w, err, "the file ends inside a record header: it is truncated")
			                  : bad(w, err, "%s", "the WARC header has no end");
	}
}

/* Which records are documents: responses and resources at web URIs;
 * wget's own log and manifest (metadata://) are not. */
static int wanted(const char *type, size_t tl, const char *uri, size_t ul)
{
	int t = (tl == 8 && !strncmp(type, "response", 8)) || (tl == 8 && !strncmp(type, "resource", 8));
	int u = (ul > 7 && !strncasecmp(uri, "http://", 7)) || (ul > 8 && !strncasecmp(uri, "https://", 8)) ||
	        (ul > 5 && !strncasecmp(uri, "file:", 5));
	return t && u;
}

/* The record's block, now whole at buf + pos, into a document: 1 when it
 * is one, 0 when not, or an error. */
static int to_doc(ng_warc *w, const char *h, size_t hlen, size_t blen, ng_warc_doc *doc, ng_error *err)
{
	size_t tl, vl;
	const char *type = field(h, hlen, "WARC-Type", &tl), *ct = field(h, hlen, "Content-Type", &vl);
	int kind = NG_HTTP_OTHER;
	const char *why = NULL;
	char *block = w->buf + w->pos;
	if (tl == 8 && !strncmp(type, "response", 8)) {
		if (!ct || vl < 16 || strncasecmp(ct, "application/http", 16))
			return 0;
		int r = ng_http_body(block, blen, &w->body, &kind, &why);
		if (r)
			return r < 0 ? bad(w, err, "%s", why) : 0;
	} else {
		kind = ct ? ng_http_kind(ct, vl) : NG_HTTP_OTHER;
		w->body.len = 0;
		if (kind != NG_HTTP_OTHER && ng_buf_add(&w->body, block, blen))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	if (kind == NG_HTTP_OTHER)
		return 0;
	doc->uri = w->uri;
	doc->date = w->day[0] ? w->day : NULL;
	doc->html = kind == NG_HTTP_HTML;
	doc->body = w->body.s ? w->body.s : "";
	doc->len = w->body.len;
	doc->record = w->record;
	doc->offset = w->offset;
	return 1;
}

/* Reads one record: 1 with a document, 0 for a record that is none, 2 at
 * the end of the file, or an error. */
static int record(ng_warc *w, ng_warc_doc *doc, ng_error *err)
{
	/* Records end with two CRLFs; tolerate more blank lines. */
	for (;;) {
		int rc = fill(w, 1, err);
		if (rc)
			return rc;
		if (!avail(w))
			return 2;
		if (w->buf[w->pos] != '\r' && w->buf[w->pos] != '\n')
			break;
		w->pos++;
	}
	w->record++;
	size_t hlen = 0;
	int rc = read_header(w, &hlen, err);
	if (rc)
		return rc;
	char *h = w->buf + w->pos;
	if (hlen < 10 || (memcmp(h, "WARC/1.0\r\n", 10) && memcmp(h, "WARC/1.1\r\n", 10)))
		return bad(w, err, "%s", "not a WARC 1.0 or 1.1 record");
	size_t tl = 0, ul = 0, ll = 0, dl = 0;
	const char *type = field(h, hlen, "WARC-Type", &tl), *uri = field(h, hlen, "WARC-Target-URI", &ul);
	const char *clen = field(h, hlen, "Content-Length", &ll), *date = field(h, hlen, "WARC-Date", &dl);
	/* WARC 1.0's grammar puts the URI in angle brackets (wget does) */
	if (uri && ul >= 2 && uri[0] == '<' && uri[ul - 1] == '>') {
		uri++;
		ul -= 2;
	}
	char *end;
	unsigned long long blen = clen && ll && isdigit((unsigned char)*clen) ? strtoull(clen, &end, 10) : 0;
	if (!clen || !ll || end != clen + ll)
		return bad(w, err, "%s", "no Content-Length");
	free(w->uri);
	w->uri = uri ? ng_strndup(uri, ul) : NULL;
	w->day[0] = 0;
	if (date && dl >= 10) {
		memcpy(w->day, date, 10);
		w->day[10] = 0;
		if (ng_date_check(w->day, 10, 0) != 1)
			w->day[0] = 0;
	}
	int want = type && uri && wanted(type, tl, uri, ul);
	/* The header is copied out: filling may move the buffer. */
	char *hcopy = want ? ng_strndup(h, hlen) : NULL;
	if (want && (!hcopy || !w->uri)) {
		free(hcopy);
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	w->pos += hlen;
	int got = 0;
	if (want && blen > NG_WARC_RECORD_MAX) {
		free(hcopy);
		return bad(w, err, "%s", "the record is over the size limit of 64 MB");
	}
	if (want) {
		rc = fill(w, (size_t)blen + 4, err);
		if (!rc && avail(w) < blen + 4)
			rc = io_error(w, err, "the file ends inside a record: it is truncated");
		if (!rc && memcmp(w->buf + w->pos + blen, "\r\n\r\n", 4))
			rc = bad(w, err, "%s", "Content-Length does not end at the record's end: the header lies or the record is damaged");
		if (!rc)
			got = to_doc(w, hcopy, hlen, (size_t)blen, doc, err);
		free(hcopy);
		if (!rc && got >= 0)
			w->pos += (size_t)blen + 4;
		return rc ? rc : got;
	}
	rc = skip(w, (size_t)blen, err);
	if (!rc)
		rc = fill(w, 4, err);
	if (!rc && (avail(w) < 4 || memcmp(w->buf + w->pos, "\r\n\r\n", 4)))
		return bad(w, err, "%s", "Content-Length does not end at the record's end: the header lies or the record is damaged");
	if (!rc)
		w->pos += 4;
	return rc;
}

int ng_warc_next(ng_warc *w, ng_warc_doc *doc, ng_error *err)
{
	for (;;) {
		int rc = record(w, doc, err);
		if (rc == 1)
			return 1;
		if (rc == 2)
			return 0;
		if (rc < 0)
			return rc;
	}
}
