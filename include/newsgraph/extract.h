/* Extraction: articles in, graphs out; and, for inspection, the mentions
 * found in an article or a trace of the relation rules that fired. */
#ifndef NEWSGRAPH_EXTRACT_H
#define NEWSGRAPH_EXTRACT_H

#include <stddef.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/graph.h"
#include "newsgraph/schema.h"

#ifdef __cplusplus
extern "C" {
#endif

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
	/* YYYY-MM-DD, or NULL when unknown: then a dateline with its year
	 * ("MOSCOW, May 16, 2024 (Reuters) -") dates the article. */
	const char *date;
} ng_article;

/* The day of the wire dateline that opens `text` (or its first paragraph
 * after a headline): "MOSCOW, May 16 (Reuters) -". Its year is its own,
 * else that of `ref` (YYYY-MM-DD: a crawl's date, a batch's --date), the
 * year before when the day would fall after ref. Returns 1 with the day in
 * out (YYYY-MM-DD and a NUL), or 0 when there is no dateline with a day, or
 * no year is known (ref may be NULL). */
NG_EXTERN int ng_dateline_day(const char *text, size_t len, const char *ref, char out[11]);

/* Articles longer than this many bytes are extracted in parts cut at
 * paragraph breaks (see ng_extract). */
#define NG_EXTRACT_PART ((size_t)1 << 20)

/* Extracts the graph of one article and merges it into `into`. An article
 * longer than NG_EXTRACT_PART is extracted part by part, cut at paragraph
 * breaks, so that memory stays bounded; names then link across parts only
 * through the knowledge base and node ids. Offsets are into the whole text.
 * The text must be UTF-8 without NUL bytes: otherwise NG_EINVAL with a
 * message saying what is wrong and where. */
NG_EXTERN int ng_extract(const ng_extractor *ex, const char *text, size_t len,
                         const ng_article *article, ng_graph *into, ng_error *err);

/* Called after each part of a long article: `done` of `total` bytes. */
typedef void (*ng_progress_fn)(void *ctx, size_t done, size_t total);

/* ng_extract, calling progress(ctx, ...) after each part of an article
 * longer than NG_EXTRACT_PART (never for a shorter one). progress may be
 * NULL. It runs on the calling thread. */
NG_EXTERN int ng_extract_progress(const ng_extractor *ex, const char *text, size_t len,
                                  const ng_article *article, ng_graph *into, ng_progress_fn progress, void *ctx,
                                  ng_error *err);

/* ---- Mentions ---- */

/* The entity mentions of one article, in text order. Opaque. */
typedef struct ng_mentions ng_mentions;


/* Finds every entity mention of `text` that can become a node (the same
 * mentions ng_extract puts into a graph, before unattached agreements are
 * dropped) and returns them in *out, which the caller frees with
 * ng_mentions_free. Errors: those of ng_extract. */
NG_EXTERN int ng_extract_mentions(const ng_extractor *ex, const char *text, size_t len,
                                  const ng_article *article, ng_mentions **out, ng_error *err);
NG_EXTERN void ng_mentions_free(ng_mentions *m);
NG_EXTERN size_t ng_mentions_count(const ng_mentions *m);
/* Mention i (< ng_mentions_count), borrowed from the list; NULL when out
 * of range. */
NG_EXTERN const ng_mention_info *ng_mentions_get(const ng_mentions *m, size_t i);

/* ---- Trace of the relation rules ---- */

/* What the relation engine did with each sentence: the rule writer's dry
 * run. Opaque. */
typedef struct ng_trace ng_trace;

/* A rule that matched: one record per source and target placeholder pair
 * of the match, naming the first entity each refers to. Recorded whether or
 * not the graph keeps the relation (it drops an entity related to itself). */
typedef struct ng_trace_rule {
	const char *rule;                 /* the rule's id */
	const char *source, *source_name; /* the source entity's node id and name */
	ng_relation relation;
	const char *target, *target_name; /* the target entity's node id and name */
	size_t start, end;                /* the match: bytes of the reading's form */
	ng_modality modality;
	int negated;
} ng_trace_rule;

/* A mention that names nothing by itself ("he", "the company", "they"),
 * as a coreference pass linked it. */
typedef struct ng_trace_link {
	size_t mention;           /* its number in <type#mention> */
	const char *text;         /* as written */
	const char *pass;         /* "pronoun", "it", "split", "role-nominal", ... */
	long antecedent;          /* the mention it was linked through, or -1 */
	const char *node, *node2; /* the node it refers to; a second one or NULL */
} ng_trace_link;

/* One reading of a sentence and the rules that fired on it. A sentence is
 * read once; when it has appositions ("Exxon, the oil company, signed"), a
 * second time without them; then, where a path rule may fire, once per
 * dependency path between two of its mentions. */
typedef struct ng_trace_sentence {
	size_t sentence;           /* the sentence's index in the article, from 0 */
	int without_appositions;   /* 1 for the second reading */
	int path;                  /* 1 for a dependency path: "<person#0> <nsubj visit:VERB >obj <state#2>" */
	const char *form;          /* the sentence, normalised, each mention as <type#mention>; or the path */
	const ng_trace_rule *rules; /* in the order they fired */
	size_t nrules;
	const ng_trace_link *links; /* first reading only: its linked mentions that name nothing */
	size_t nlinks;
	int parse;                 /* 1 for the sentence's dependency parse, before its paths: form is
	                              "1:Putin/PROPN>2:nsubj 2:visited/VERB>0:root ..." (word, head, relation) */
} ng_trace_sentence;

/* Runs the pipeline over `text` as ng_extract does, recording every
 * sentence's readings and the rules that fired, and returns the trace in
 * *out, which the caller frees with ng_trace_free. Errors: those of
 * ng_extract. */
NG_EXTERN int ng_extract_trace(const ng_extractor *ex, const char *text, size_t len,
                               const ng_article *article, ng_trace **out, ng_error *err);
NG_EXTERN void ng_trace_free(ng_trace *t);
/* The number of readings, sentence by sentence in text order. */
NG_EXTERN size_t ng_trace_count(const ng_trace *t);
/* Reading i (< ng_trace_count), borrowed from the trace; NULL when out of
 * range. */
NG_EXTERN const ng_trace_sentence *ng_trace_get(const ng_trace *t, size_t i);

#ifdef __cplusplus
}
#endif

#endif
