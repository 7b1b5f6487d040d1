/* Syntax layer: labelled dependency parsing. Input: a sentence's word forms
 * and UPOS tags. Output: each word's head and Universal Dependencies
 * relation. A greedy arc-hybrid transition parser: one averaged-perceptron
 * classifier picks the transition, a second one labels each arc as it is
 * made (the relations of the training data, subtypes included). */
#ifndef NG_SYNTAX_PARSE_H
#define NG_SYNTAX_PARSE_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

typedef struct ng_parser ng_parser;

/* Opens a model (the bytes of a parser.model file). The weights are used
 * in place: `data` must outlive the parser and stay unchanged. Returns 0,
 * or NG_EINVAL (not a parser model, truncated, or a big-endian host) /
 * NG_ENOMEM with err filled. Free *out with ng_parser_free. */
int ng_parser_load(const unsigned char *data, size_t len, ng_parser **out, ng_error *err);
void ng_parser_free(ng_parser *p);

/* Parses one sentence of n words: forms[i] and upos[i] (an ng_upos, or -1
 * when unknown). Fills heads[i] (0 for the root, else the 1-based index of
 * the head, as in CoNLL-U) and deprels[i] (an index for
 * ng_parser_deprel_name). Exactly one word gets head 0. Safe to call from
 * several threads on one parser. Returns 0, or NG_ENOMEM / NG_ELIMIT (n
 * above NG_PARSE_MAX_WORDS) with err filled. */
#define NG_PARSE_MAX_WORDS 10000
int ng_parser_parse(const ng_parser *p, const char *const *forms, const int *upos, size_t n, int *heads,
                    int *deprels, ng_error *err);

/* The relation named by a deprel index ("nsubj:pass", ...), a string the
 * parser owns; "_" for an index out of range. */
const char *ng_parser_deprel_name(const ng_parser *p, int deprel);
int ng_parser_deprel_count(const ng_parser *p);
/* The model's header text: the corpora and their licences. */
const char *ng_parser_header(const ng_parser *p);

/* ---- The machinery shared with the trainer (src/train/train_parser.c) ----
 * The trainer runs the same transition system and feature extraction with
 * its own (float, averaging) weights, then writes the model file. */

enum { NG_PT_SHIFT, NG_PT_LEFT, NG_PT_RIGHT, NG_PT_N };
#define NG_PARSE_ACTION_BITS 20 /* 2^20 hashed rows of NG_PT_N action weights */
#define NG_PARSE_LABEL_BITS 15  /* 2^15 hashed rows of one weight per label (2^14: LAS 0.2 lower on dev) */
#define NG_PARSE_MAX_LABELS 64  /* label sets are 64-bit masks */
#define NG_PARSE_MAX_FEATS 128 /* above the templates of the feature functions (118 and 33) */

/* A parser configuration over words 0..n-1 and the root, word n, which
 * ends the buffer. Arrays are sized n+1 by ng_pstate_init. */
typedef struct ng_pstate {
	int n, sp, b;        /* stack depth; buffer front */
	int *stack, *head, *label;
	int *lc1, *lc2, *rc1, *rc2; /* leftmost two and rightmost two children */
	int *nl, *nr;               /* number of left and right children */
	uint64_t *lset, *rset;      /* labels of left and right children */
	const uint64_t *word, *suf; /* hashed lowercased forms, last 3 bytes (root included) */
	const int *pos;
	uint64_t subj;              /* the subject relations (0 after init: the caller sets it) */
} ng_pstate;

/* The words the model knows: sorted little-endian uint64 hashes (8 bytes
 * each, read in place). Other words are known by their shape only. */
typedef struct ng_pvocab {
	const unsigned char *hashes;
	size_t n;
} ng_pvocab;
uint64_t ng_parse_word_hash(const char *form);
/* The labels of subjects (nsubj, csubj and their subtypes) as a mask. */
uint64_t ng_parse_subject_mask(const char *const *labels, int n);

/* One allocation for every array of a sentence of n words. */
typedef struct ng_pmem {
	void *block;
	uint64_t *word, *suf;
	int *pos;
} ng_pmem;

/* v NULL: every word is known. */
int ng_pstate_init(ng_pstate *s, ng_pmem *m, const ng_pvocab *v, const char *const *forms, const int *upos,
                   int n);
void ng_pmem_free(ng_pmem *m);
int ng_pstate_done(const ng_pstate *s);
void ng_pstate_legal(const ng_pstate *s, int legal[NG_PT_N]);
/* The arc a LEFT or RIGHT would make: its head and dependent. */
void ng_pstate_arc(const ng_pstate *s, int action, int *head, int *dep);
void ng_pstate_apply(ng_pstate *s, int action, int label);
/* Feature rows (hashed, already masked to the table size); return counts. */
int ng_pstate_action_feats(const ng_pstate *s, uint32_t *f);
int ng_pstate_label_feats(const ng_pstate *s, int head, int dep, uint32_t *f);

/* Writes a model: header text, label names, vocabulary (sorted word
 * hashes), quantised weights (float
 * arrays of 2^ACTION_BITS*NG_PT_N and 2^LABEL_BITS*nlabels). Returns a
 * malloc'd buffer in *out, or NG_ENOMEM. */
int ng_parser_write(const char *header, const char *const *labels, int nlabels, const uint64_t *vocab,
                    size_t nvocab, const float *action_w, const float *label_w, unsigned char **out, size_t *len,
                    ng_error *err);

#endif
