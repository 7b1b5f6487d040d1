/* Training tools: the lemmatizer's tables (see syntax/lemma.h), learnt
 * from the lemma column of the training sentences. */
#ifndef NG_TRAIN_LEMMA_H
#define NG_TRAIN_LEMMA_H

#include "syntax/lemma.h"
#include "train/corpus.h"

typedef struct ng_lemma_tables {
	ng_lemma_rule *rules;
	size_t nrules, crules;
	ng_lemma_exc *exc;
	size_t nexc, cexc;
	ng_buf pool;
	ng_map pooled; /* string -> offset + 1 */
} ng_lemma_tables;

/* Learns the tables from c. Deterministic: the same sentences give the
 * same tables. Returns 0, or NG_ENOMEM. */
int ng_lemma_train(ng_lemma_tables *t, const ng_train_corpus *c, ng_error *err);
void ng_lemma_tables_free(ng_lemma_tables *t);

#endif
