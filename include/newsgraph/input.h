/* Inputs that are not plain text: web pages (HTML) and web archives (WARC).
 * A page becomes an article: its main text, cut out of the page's
 * navigation, adverts and comments, and its metadata. A WARC file is read
 * record by record, each HTML or text response becoming a page. */
#ifndef NEWSGRAPH_INPUT_H
#define NEWSGRAPH_INPUT_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The largest page read, in bytes: a news article is far smaller; a bigger
 * file is not an article, and its parsed tree would take ten times its
 * size in memory. */
#define NG_PAGE_MAX ((size_t)16 << 20)

/* 1 when `data` looks like HTML (a doctype, or an <html>, <head> or <body>
 * tag before any other text, after a byte order mark and white space). */
NG_EXTERN int ng_html_sniff(const char *data, size_t len);

/* An article read from a web page. Opaque. */
typedef struct ng_page ng_page;

/* Reads the page `html` (any encoding the page declares; UTF-8 when it
 * declares none) with libxml2's HTML parser and returns its article in
 * *out, which the caller frees with ng_page_free. `url` is where the page
 * came from (the WARC target, or NULL): it dates the page when nothing
 * else does and is its id when it names no canonical URL. `name` goes into
 * error messages. Errors: NG_ELIMIT for a page over NG_PAGE_MAX; NG_EINVAL
 * for a page without article text, or not in English (the message names
 * the language). Pages may be read on several threads once one call has
 * returned: the first initialises libxml2. */
NG_EXTERN int ng_html_read(const char *html, size_t len, const char *url, const char *name, ng_page **out,
                           ng_error *err);
NG_EXTERN void ng_page_free(ng_page *p);

/* The article text, as extract reads it: the title, a blank line, then
 * the paragraphs separated by blank lines (UTF-8, NUL-terminated). Byte
 * offsets of mentions and evidence count in it. */
NG_EXTERN const char *ng_page_text(const ng_page *p, size_t *len);
/* The metadata, each NULL when the page does not give it: the title; the
 * date, YYYY-MM-DD; the outlet (og:site_name, JSON-LD publisher); the
 * canonical URL (else the URL given to ng_html_read); the language tag. */
NG_EXTERN const char *ng_page_title(const ng_page *p);
NG_EXTERN const char *ng_page_date(const ng_page *p);
NG_EXTERN const char *ng_page_outlet(const ng_page *p);
NG_EXTERN const char *ng_page_url(const ng_page *p);
NG_EXTERN const char *ng_page_language(const ng_page *p);

/* ---- WARC ---- */

/* A WARC file (1.0 or 1.1, plain or gzip, whole or one gzip member per
 * record), read one record at a time: memory stays that of one record
 * (at most NG_WARC_RECORD_MAX bytes) whatever the file's size. Opaque. */
typedef struct ng_warc ng_warc;

#define NG_WARC_RECORD_MAX ((size_t)64 << 20)

/* Reads from f, which stays the caller's (opened for reading in binary;
 * it is read, never closed). `name` goes into error messages. */
NG_EXTERN int ng_warc_new(FILE *f, const char *name, ng_warc **out, ng_error *err);
NG_EXTERN void ng_warc_free(ng_warc *w);

/* A document of the archive: a `response` record with status 200, or a
 * `resource` record, whose content is HTML or plain text, at an http,
 * https or file URI. Borrowed from the reader until its next call. */
typedef struct ng_warc_doc {
	const char *uri;  /* WARC-Target-URI */
	const char *date; /* WARC-Date, YYYY-MM-DD, or NULL */
	int html;         /* 1: HTML, 0: plain text */
	const char *body; /* the payload: HTTP headers skipped, chunked and gzip or deflate decoded */
	size_t len;
	size_t record;    /* the record's number in the file, from 1 */
	size_t offset;    /* bytes of the file read so far, for progress */
} ng_warc_doc;

/* Reads up to the next document. Returns 1 and fills *doc; 0 at the end of
 * the file; or an error: NG_EINVAL for a damaged record (the message names
 * the record's number and what is wrong), after which the next call goes
 * on with the record after it when it can be found, NG_EIO for a damaged
 * compressed stream or a read error, after which the reader is at its end. */
NG_EXTERN int ng_warc_next(ng_warc *w, ng_warc_doc *doc, ng_error *err);

#ifdef __cplusplus
}
#endif

#endif
