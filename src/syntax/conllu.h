/* Syntax layer: CoNLL-U, the format of the Universal Dependencies
 * treebanks the tagger and parser learn from and are scored on. Input: the
 * bytes of a CoNLL-U file. Output: its sentences as word arrays (basic
 * dependencies only: multiword token lines and empty nodes are skipped, as
 * a parser of basic trees reads them). */
#ifndef NG_SYNTAX_CONLLU_H
#define NG_SYNTAX_CONLLU_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

/* The 17 universal part-of-speech tags, in the UD order. */
typedef enum ng_upos {
	NG_ADJ, NG_ADP, NG_ADV, NG_AUX, NG_CCONJ, NG_DET, NG_INTJ, NG_NOUN, NG_NUM, NG_PART, NG_PRON,
	NG_PROPN, NG_PUNCT, NG_SCONJ, NG_SYM, NG_VERB, NG_X, NG_NUPOS
} ng_upos;

const char *ng_upos_name(ng_upos u);
int ng_upos_parse(const char *s, size_t n); /* -1 when unknown */

/* One word (a line with an integer ID). Strings point into the corpus's
 * text buffer (NUL-terminated there); `_` fields are empty strings. */
typedef struct ng_ud_word {
	const char *form, *lemma, *xpos, *feats, *deprel, *misc;
	int upos;     /* ng_upos, or -1 for `_` */
	int head;     /* 0 for the root, 1-based word index, -1 for `_` */
	int space_after; /* 0 when MISC holds SpaceAfter=No */
} ng_ud_word;

typedef struct ng_ud_sentence {
	const char *id;   /* # sent_id, or "" */
	const char *text; /* # text, or "" */
	ng_ud_word *words; /* words[0] is word 1 */
	size_t n;
} ng_ud_sentence;

/* A CoNLL-U file in memory: it owns a copy of the text, split in place. */
typedef struct ng_ud_corpus {
	char *buf;
	ng_ud_sentence *sents;
	size_t nsents, csents;
	ng_ud_word *words; /* every sentence's words, in one array */
	size_t nwords, cwords;
} ng_ud_corpus;

/* Reads CoNLL-U (`name` goes into errors, with the line). A word line must
 * have ten tab-separated fields; a sentence's HEADs must lie within it.
 * Returns 0, or NG_EINVAL / NG_ENOMEM with err filled. Free with
 * ng_ud_corpus_free (also after a failure). */
int ng_ud_read(ng_ud_corpus *c, const char *data, size_t len, const char *name, ng_error *err);
void ng_ud_corpus_free(ng_ud_corpus *c);

#endif
