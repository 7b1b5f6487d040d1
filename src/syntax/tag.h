/* Syntax layer: part-of-speech tagging. Input: the word forms of one
 * sentence. Output: a universal tag (ng_upos) per word, from an averaged
 * perceptron read greedily left to right, and lemmas (lemma.h) from the
 * same model file.
 *
 * Features are hashed into 2^bits buckets of NG_NUPOS int16 weights each
 * (section tagw); section taglex holds the tags each frequent training word
 * was seen with (its ambiguity class), as sorted (word hash, tag mask)
 * pairs; section tagmeta holds {bits, NG_NUPOS}. */
#ifndef NG_SYNTAX_TAG_H
#define NG_SYNTAX_TAG_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"
#include "syntax/lemma.h"
#include "syntax/model.h"

/* The most features one position fires. */
#define NG_TAG_MAXFEAT 48

typedef struct ng_tagger ng_tagger;

/* Opens the tagger model in `data` (borrowed, used in place: it must
 * outlive the tagger; 16-byte aligned). Returns 0, or NG_EINVAL naming
 * `name` when the bytes are not a tagger model, NG_ENOMEM. Free with
 * ng_tagger_free. */
int ng_tagger_new(ng_tagger **out, const unsigned char *data, size_t len, const char *name, ng_error *err);
/* The tagger of the model compiled in (src/models/tagger.model). */
int ng_tagger_new_embedded(ng_tagger **out, ng_error *err);
void ng_tagger_free(ng_tagger *t);

/* Tags one sentence: upos[i] gets the ng_upos of forms[i]. Reads the model
 * only: safe from several threads at once. Returns 0, or NG_ENOMEM. */
int ng_tagger_tag(const ng_tagger *t, const char *const *forms, size_t n, int *upos, ng_error *err);

/* The lemmatizer of the same model (borrowed). */
const ng_lemmatizer *ng_tagger_lemmatizer(const ng_tagger *t);

/* What the features see of one word, computed once per sentence. */
typedef struct ng_tag_word {
	uint32_t w, shape, cls;
	uint32_t pre[4], suf[4];
	int cap; /* first letter upper case */
} ng_tag_word;

/* The word hash the ambiguity classes are keyed by (lower-cased form). */
uint32_t ng_tag_word_hash(const char *form);
/* Fills w for form; `lex`/`nlex` are the taglex pairs (may be empty). */
void ng_tag_word_init(ng_tag_word *w, const char *form, const uint32_t *lex, size_t nlex);
/* The feature hashes of position i (p1, p2: the tags of the two words
 * before, NG_NUPOS before the start); returns their count. The bucket of a
 * hash h is h >> (32 - bits). Trainer and tagger share this function, so
 * that they see the same features. */
size_t ng_tag_features(const ng_tag_word *ws, size_t n, size_t i, int p1, int p2, uint32_t *f);

#endif
