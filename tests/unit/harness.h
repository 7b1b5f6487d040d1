/* A tiny assertion harness: CHECK records a failure and goes on; the
 * program exits non-zero when any check failed and prints a summary line. */
#ifndef NG_HARNESS_H
#define NG_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ng_checks, ng_failures;

#define CHECK(cond)                                                                  \
	do {                                                                             \
		ng_checks++;                                                                 \
		if (!(cond)) {                                                               \
			ng_failures++;                                                           \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                            \
	} while (0)

#define CHECK_STR(a, b)                                                                           \
	do {                                                                                          \
		ng_checks++;                                                                              \
		const char *x_ = (a), *y_ = (b);                                                          \
		if (!x_ || !y_ || strcmp(x_, y_) != 0) {                                                  \
			ng_failures++;                                                                        \
			fprintf(stderr, "%s:%d: expected \"%s\"\n   got      \"%s\"\n", __FILE__, __LINE__, \
			        y_ ? y_ : "(null)", x_ ? x_ : "(null)");                                     \
		}                                                                                         \
	} while (0)

/* A whole file in memory (NUL-terminated; *len without the NUL), or
 * NULL. */
static inline char *harness_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b = NULL;
	if (f && fseek(f, 0, SEEK_END) == 0) {
		long n = ftell(f);
		b = n >= 0 && fseek(f, 0, SEEK_SET) == 0 ? malloc((size_t)n + 1) : NULL;
		if (b && fread(b, 1, (size_t)n, f) != (size_t)n) {
			free(b);
			b = NULL;
		}
		if (b) {
			b[n] = 0;
			*len = (size_t)n;
		}
	}
	if (f)
		fclose(f);
	return b;
}

static int harness_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, ng_checks - ng_failures, ng_failures);
	return ng_failures ? 1 : 0;
}

#endif
