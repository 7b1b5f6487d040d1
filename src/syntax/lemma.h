/* Syntax layer: lemmas. Input: a word form and its part of speech. Output:
 * its lemma ("visited" VERB -> "visit", "talks" NOUN -> "talk"), from rules
 * learnt on the treebanks' lemma column: a table of irregular forms first
 * ("went" VERB -> "go"; a capitalised form is also looked up in lower case,
 * names aside), else the rewrite of the longest known ending for that part
 * of speech ("-ied" -> "-y"). Both tables live in the tagger's
 * model (sections lemrule, lemexc, lemstr). */
#ifndef NG_SYNTAX_LEMMA_H
#define NG_SYNTAX_LEMMA_H

#include <stddef.h>
#include <stdint.h>
#include "syntax/model.h"
#include "util/util.h"

/* The longest ending (in bytes) a rule is keyed by. */
#define NG_LEMMA_MAXSUF 6

/* A rewrite: lower-case the form (ASCII) when `lower`, drop `strip` bytes,
 * append the string at `append` in the pool. Keyed by ng_lemma_key(upos,
 * ending); sorted by key in the model. */
typedef struct ng_lemma_rule {
	uint64_t key;
	uint16_t strip;
	uint8_t lower, pad;
	uint32_t append;
} ng_lemma_rule;

/* An irregular form: keyed by ng_lemma_key(upos + 32, form); the pool holds
 * the form (checked on lookup) and its lemma. Sorted by key. */
typedef struct ng_lemma_exc {
	uint64_t key;
	uint32_t form, lemma;
} ng_lemma_exc;

typedef struct ng_lemmatizer {
	const ng_lemma_rule *rules;
	size_t nrules;
	const ng_lemma_exc *exc;
	size_t nexc;
	const char *pool;
	size_t npool;
} ng_lemmatizer;

/* Points the lemmatizer at the model's tables (in place, nothing copied).
 * Returns 0, or NG_EINVAL when a section is missing or malformed. */
int ng_lemmatizer_open(ng_lemmatizer *l, const ng_model *m, ng_error *err);

/* Puts the lemma of `form` (upos an ng_upos) into out, replacing what it
 * held. Reads the tables only: safe from several threads at once. Returns
 * 0, or NG_ENOMEM. */
int ng_lemmatize(const ng_lemmatizer *l, const char *form, int upos, ng_buf *out);

/* For the trainer and the tables' keys. */
uint64_t ng_lemma_key(int kind, const char *s, size_t n);
/* The rewrite taking form to lemma (the pool string `append` is lemma +
 * lemma_len - append_len). */
void ng_lemma_derive(const char *form, const char *lemma, int *lower, size_t *strip, size_t *append_len);

#endif
