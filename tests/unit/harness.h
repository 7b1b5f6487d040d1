/* A tiny assertion harness: CHECK records a failure and goes on; the
 * program exits non-zero when any check failed and prints a summary line. */
#ifndef NG_HARNESS_H
#define NG_HARNESS_H

#include <stdio.h>
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

static int harness_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, ng_checks - ng_failures, ng_failures);
	return ng_failures ? 1 : 0;
}

#endif
