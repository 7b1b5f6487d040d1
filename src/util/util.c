/* Shared helpers: errors, buffers, hashing, a string map. */
#include "util/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ng_fail(ng_error *err, int code, const char *file, int line,
            const char *fmt, ...)
{
	if (!err)
		return code;
	err->code = code;
	err->line = line;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return code;
}

char *ng_strndup(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

char *ng_strdup(const char *s)
{
	return s ? ng_strndup(s, strlen(s)) : NULL;
}

int ng_grow(void **arr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t nc = *cap ? *cap : 8;
	while (nc < need)
		nc *= 2;
	void *p = realloc(*arr, nc * size);
	if (!p)
		return NG_ENOMEM;
	*arr = p;
	*cap = nc;
	return 0;
}

int ng_buf_add(ng_buf *b, const char *s, size_t n)
{
	if (ng_grow((void **)&b->s, &b->cap, b->len + n + 1, 1))
		return NG_ENOMEM;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
	return 0;
}

int ng_buf_adds(ng_buf *b, const char *s)
{
	return ng_buf_add(b, s, strlen(s));
}

int ng_buf_addc_slow(ng_buf *b, char c)
{
	return ng_buf_add(b, &c, 1);
}

int ng_buf_printf(ng_buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NG_EINVAL;
	if ((size_t)n < sizeof tmp)
		return ng_buf_add(b, tmp, (size_t)n);
	if (ng_grow((void **)&b->s, &b->cap, b->len + (size_t)n + 1, 1))
		return NG_ENOMEM;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

void ng_buf_free(ng_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

uint64_t ng_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Slots keep each key's hash: a probe compares hashes first, so lookups
 * rarely touch the key bytes and never measure them. */
static size_t slot(const ng_map *m, uint64_t h, const char *key, size_t klen)
{
	size_t i = (size_t)h & (m->cap - 1);
	while (m->keys[i] && !(m->hashes[i] == h && memcmp(m->keys[i], key, klen) == 0 && m->keys[i][klen] == 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static int rehash(ng_map *m)
{
	size_t nc = m->cap ? m->cap * 2 : 64;
	char **ok = m->keys;
	void **ov = m->vals;
	uint64_t *oh = m->hashes;
	size_t oc = m->cap;
	m->keys = calloc(nc, sizeof *m->keys);
	m->vals = calloc(nc, sizeof *m->vals);
	m->hashes = malloc(nc * sizeof *m->hashes);
	if (!m->keys || !m->vals || !m->hashes) {
		free(m->keys);
		free(m->vals);
		free(m->hashes);
		m->keys = ok;
		m->vals = ov;
		m->hashes = oh;
		return NG_ENOMEM;
	}
	m->cap = nc;
	for (size_t i = 0; i < oc; i++) {
		if (ok[i]) {
			size_t j = (size_t)oh[i] & (nc - 1);
			while (m->keys[j])
				j = (j + 1) & (nc - 1);
			m->keys[j] = ok[i];
			m->vals[j] = ov[i];
			m->hashes[j] = oh[i];
		}
	}
	free(ok);
	free(ov);
	free(oh);
	return 0;
}

void **ng_map_put(ng_map *m, const char *key, size_t klen)
{
	if ((m->n + 1) * 2 > m->cap && rehash(m))
		return NULL;
	uint64_t h = ng_hash(key, klen);
	size_t i = slot(m, h, key, klen);
	if (!m->keys[i]) {
		m->keys[i] = ng_strndup(key, klen);
		if (!m->keys[i])
			return NULL;
		m->vals[i] = NULL;
		m->hashes[i] = h;
		m->n++;
	}
	return &m->vals[i];
}

const char *ng_map_intern(ng_map *m, const char *s)
{
	if ((m->n + 1) * 2 > m->cap && rehash(m))
		return NULL;
	size_t len = strlen(s);
	void **v = ng_map_put(m, s, len);
	if (v && !*v)
		*v = m->keys[slot(m, ng_hash(s, len), s, len)];
	return v ? *v : NULL;
}

void *ng_map_get(const ng_map *m, const char *key, size_t klen)
{
	if (!m->cap)
		return NULL;
	size_t i = slot(m, ng_hash(key, klen), key, klen);
	return m->keys[i] ? m->vals[i] : NULL;
}

void ng_map_free(ng_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	memset(m, 0, sizeof *m);
}

int ng_cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void ng_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (base && n > 1)
		qsort(base, n, size, cmp);
}
