/* Inputs: HTTP responses kept in WARC records (http.c). */
#ifndef NG_INPUT_HTTP_H
#define NG_INPUT_HTTP_H

#include <stddef.h>
#include "newsgraph/input.h"
#include "util/util.h"

/* The first occurrence of the k bytes `pat` in the n bytes at s, or NULL
 * (memmem is not POSIX). */
const char *ng_input_find(const char *s, size_t n, const char *pat, size_t k);

enum { NG_HTTP_OTHER, NG_HTTP_HTML, NG_HTTP_TEXT };

/* The kind of a Content-Type value: HTML, plain text or other. */
int ng_http_kind(const char *type, size_t n);

/* The body of the HTTP response `block` (changed in place) into out,
 * decoded. Returns 0 with *kind HTML or TEXT; 1 for a response that is no
 * article (not status 200, not HTML or text); -1 with *why for a damaged
 * one. */
int ng_http_body(char *block, size_t n, ng_buf *out, int *kind, const char **why);

#endif
