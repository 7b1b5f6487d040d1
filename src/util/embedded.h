/* Data files compiled into the library by the build (see CMakeLists.txt):
 * the knowledge base (the .txt files under src/kb), the rules (the .rules
 * files under src/rules) and the trained models (src/models, binary, each
 * array 16-byte aligned so that models are used in place) and the HTML
 * map's page (src/writers/map.*). */
#ifndef NG_EMBEDDED_H
#define NG_EMBEDDED_H

#include <stddef.h>

typedef struct ng_embedded {
	const char *name; /* path under src/, for error messages */
	const unsigned char *data;
	size_t len;
} ng_embedded;

/* NULL-name-terminated tables. */
extern const ng_embedded ng_embedded_kb[];
extern const ng_embedded ng_embedded_rules[];
extern const ng_embedded ng_embedded_models[];
extern const ng_embedded ng_embedded_html[];

#endif
