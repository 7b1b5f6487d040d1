/* Entities: the statistical name typer. Input: a run of words that the
 * knowledge base does not hold as a name, in its sentence. Output: whether
 * it names a person, a place, an organization or something else, from an
 * averaged perceptron (src/models/names.model, trained by ng-train-typer on
 * GUM's and Universal NER's annotated names) over the run's words, shapes,
 * affixes, neighbours and what the lexicon knows of each word: the
 * knowledge-base type of the word alone (a gazetteer), titles, first
 * names, company and organization nouns, place prepositions.
 *
 * Weights: 2^bits buckets of NG_TYPER_NCLASS int16 each (section nerw);
 * section nermeta holds {bits, NG_TYPER_NCLASS}. */
#ifndef NG_ENTITIES_TYPER_H
#define NG_ENTITIES_TYPER_H

#include <stddef.h>
#include <stdint.h>
#include "entities/lexicon.h"
#include "newsgraph/error.h"
#include "text/text.h"

enum { NG_TYPER_PER, NG_TYPER_LOC, NG_TYPER_ORG, NG_TYPER_OTHER, NG_TYPER_NCLASS };

/* The most features one run fires. */
#define NG_TYPER_MAXFEAT 160
/* The longest run the features look into word by word. */
#define NG_TYPER_MAXRUN 8

/* What the features see of one word: the text as written (for its shape),
 * the lexicon's normal form and the word's lexicon cues (ng_typer_cues). */
typedef struct ng_typer_word {
	const char *text;
	size_t len;
	const char *norm;
	uint32_t cues;
} ng_typer_word;

/* The cue bits of a word (its lexicon word id; 0: unknown word). */
uint32_t ng_typer_cues(const ng_lexicon *lx, uint32_t wid);

/* The feature hashes of the run [a, b) of the n words w; a word outside
 * [0, n) is the sentence's edge. Returns their count (at most
 * NG_TYPER_MAXFEAT). Trainer and typer share it. */
size_t ng_typer_features(const ng_typer_word *w, size_t n, size_t a, size_t b, uint32_t *f);

typedef struct ng_typer ng_typer;

/* Opens the model in `data` (borrowed, used in place; 16-byte aligned).
 * Returns 0, or NG_EINVAL naming `name` when the bytes are not a names
 * model, NG_ENOMEM. Free with ng_typer_free. */
int ng_typer_new(ng_typer **out, const unsigned char *data, size_t len, const char *name, ng_error *err);
/* The typer of the model compiled in (src/models/names.model). */
int ng_typer_new_embedded(ng_typer **out, ng_error *err);
void ng_typer_free(ng_typer *t);

/* The class (NG_TYPER_*) the features score highest; *margin gets its
 * lead over the second, in model units (32767 is the largest weight). */
int ng_typer_classify(const ng_typer *t, const uint32_t *f, size_t nf, int32_t *margin);

/* Classifies the tokens [a, b) of sentence s of a doc tagged by the
 * lexicon (ng_lexicon_tag). Read-only: safe from several threads. */
int ng_typer_run(const ng_typer *t, const ng_lexicon *lx, const ng_doc *d, const ng_sentence *s, size_t a,
                 size_t b, int32_t *margin);

#endif
