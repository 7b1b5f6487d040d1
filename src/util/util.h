/* Small shared helpers: error filling, growable buffers, a string hash set
 * and map. Internal to the library. */
#ifndef NG_UTIL_H
#define NG_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

#if defined(__GNUC__)
#define NG_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define NG_PRINTF(a, b)
#endif

/* Fills err (if non-NULL) and returns code. */
int ng_fail(ng_error *err, int code, const char *file, int line,
            const char *fmt, ...) NG_PRINTF(5, 6);

char *ng_strdup(const char *s);
char *ng_strndup(const char *s, size_t n);

/* Grows *arr (element size `size`) so that it holds at least `need`
 * elements. Returns 0, or NG_ENOMEM. */
int ng_grow(void **arr, size_t *cap, size_t need, size_t size);

#define NG_PUSH(arr, n, cap) \
	(ng_grow((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr))) == 0 ? &(arr)[(n)++] : NULL)

/* A growable byte string, always NUL-terminated. */
typedef struct ng_buf {
	char *s;
	size_t len, cap;
} ng_buf;

int ng_buf_add(ng_buf *b, const char *s, size_t n);
int ng_buf_adds(ng_buf *b, const char *s);
int ng_buf_addc_slow(ng_buf *b, char c);
/* Inline: one byte is the most frequent append. */
static inline int ng_buf_addc(ng_buf *b, char c)
{
	if (b->len + 2 > b->cap)
		return ng_buf_addc_slow(b, c);
	b->s[b->len++] = c;
	b->s[b->len] = 0;
	return 0;
}
int ng_buf_printf(ng_buf *b, const char *fmt, ...) NG_PRINTF(2, 3);
void ng_buf_free(ng_buf *b);

uint64_t ng_hash(const char *s, size_t n);

/* Open-addressing map from string (copied) to a pointer-sized value. */
typedef struct ng_map {
	char **keys;
	void **vals;
	uint64_t *hashes;
	size_t n, cap;
} ng_map;

/* Returns the slot's value pointer for key, inserting NULL when absent.
 * NULL on out of memory. */
void **ng_map_put(ng_map *m, const char *key, size_t klen);
void *ng_map_get(const ng_map *m, const char *key, size_t klen);
/* The map's own copy of s, added when absent: a string interned once,
 * whose pointer stands for its content. NULL on out of memory. */
const char *ng_map_intern(ng_map *m, const char *s);
void ng_map_free(ng_map *m);

int ng_cmpstr(const void *a, const void *b);

/* qsort that accepts an empty or NULL array. */
void ng_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
