#ifndef NEWSGRAPH_EXTRACT_H
#define NEWSGRAPH_EXTRACT_H

#include <stddef.h>
#include <stdio.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"

/* An extractor holds the compiled knowledge base and rules. Build one, then
 * run it over any number of articles; it is read-only while extracting, so
 * one extractor may serve several threads. */
typedef struct ng_extractor ng_extractor;

/* Returns a new extractor with the embedded knowledge base and rules. */
NG_EXTERN int ng_extractor_new(ng_extractor **out, ng_error *err);
NG_EXTERN void ng_extractor_free(ng_extractor *ex);

/* Adds a user lexicon (same format as the .txt files under src/kb; later entries override
 * earlier ones with the same id). `name` is used in error messages.
 * Errors: NG_EINVAL with err->file and err->line set. */
NG_EXTERN int ng_extractor_add_lexicon(ng_extractor *ex, const char *name,
                             const char *data, size_t len, ng_error *err);

/* Adds a user rule file (same format as the .rules files under src/rules). */
NG_EXTERN int ng_extractor_add_rules(ng_extractor *ex, const char *name,
                           const char *data, size_t len, ng_error *err);

/* What is known about an article besides its text. */
typedef struct ng_article {
	const char *id;     /* article id, e.g. the file name */
	const char *source; /* file path or other origin */
	const char *date;   /* YYYY-MM-DD, or NULL when unknown */
} ng_article;

/* Extracts the graph of one article and merges it into `into`.
 * The text must be UTF-8 without NUL bytes: otherwise NG_EINVAL with a
 * message saying what is wrong and where. */
NG_EXTERN int ng_extract(const ng_extractor *ex, const char *text, size_t len,
               const ng_article *article, ng_graph *into, ng_error *err);

/* Writes every entity mention of `text` to `out` in text order, as TSV
 * ("article start end text type node kind") or as JSON when `json` is set. */
NG_EXTERN int ng_extract_mentions(const ng_extractor *ex, const char *text, size_t len,
                        const ng_article *article, FILE *out, int json,
                        ng_error *err);

/* Writes, per sentence, the placeholder form and the rules that fired. */
NG_EXTERN int ng_extract_explain(const ng_extractor *ex, const char *text, size_t len,
                       const ng_article *article, FILE *out, ng_error *err);

#endif
