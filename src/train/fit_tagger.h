/* Training tools: training the tagger and lemmatizer (src/syntax/tag.h,
 * lemma.h) into a model file's bytes; see fit_tagger.c. */
#ifndef NG_TRAIN_FIT_TAGGER_H
#define NG_TRAIN_FIT_TAGGER_H

#include "train/corpus.h"
#include "util/util.h"

/* The shipped tagger's training: passes and 2^bits feature buckets. */
#define NG_TAGGER_EPOCHS 10
#define NG_TAGGER_BITS 17

/* Trains on c for `epochs` passes over 2^bits feature buckets and writes
 * the model (its text header opening with `credits`) to *model. With dev
 * sentences, the UPOS accuracy after each epoch goes to stderr. Returns 0,
 * or NG_ENOMEM / an error of the lemmatizer's training with err filled. */
int ng_tagger_fit(const ng_train_corpus *c, const ng_train_corpus *dev, int epochs, unsigned bits,
                  const char *credits, ng_buf *model, ng_error *err);

#endif
