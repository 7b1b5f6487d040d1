#ifndef NEWSGRAPH_PARSE_H
#define NEWSGRAPH_PARSE_H

#include <stddef.h>
#include "newsgraph/common.h"
#include "newsgraph/error.h"
#include "newsgraph/extract.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The syntax layer's view of a text: sentences of words, each with its
 * part of speech (Universal Dependencies UPOS), lemma, head and relation,
 * from the compiled-in tagger and dependency parser (README: Syntax). */
typedef struct ng_parsed ng_parsed;

typedef struct ng_parse_word {
	const char *form;
	const char *lemma;
	const char *upos;   /* "NOUN", "VERB", ... */
	size_t head;        /* 0 for the root, else the 1-based index of the head word */
	const char *deprel; /* "nsubj", "obl:agent", ... */
	size_t start, end;  /* bytes in the text; 0, 0 for pre-tokenised input */
	int space_after;    /* 0 when the next word follows without a space */
} ng_parse_word;

typedef struct ng_parse_sentence {
	const char *id;   /* CoNLL-U sent_id of pre-tokenised input, else "" */
	const char *text; /* the sentence as written */
	const ng_parse_word *words;
	size_t n;
	size_t start, end; /* bytes in the text; 0, 0 for pre-tokenised input */
} ng_parse_sentence;

/* Splits text into sentences and tokens as extraction does, then tags,
 * lemmatizes and parses every sentence. *out is freed by the caller with
 * ng_parsed_free. `name` goes into errors. Errors: those of ng_extract
 * (text that is not UTF-8, NG_ELIMIT over 1 GiB), NG_ENOMEM. */
NG_EXTERN int ng_parse_text(const ng_extractor *ex, const char *text, size_t len, const char *name,
                            ng_parsed **out, ng_error *err);

/* Tags, lemmatizes and parses the words of CoNLL-U input, as tokenised
 * there (its tags, lemmas and heads are ignored): the sentences and word
 * ids stay those of the input, which is what accuracy is scored on. `name`
 * goes into errors (NG_EINVAL with the line). */
NG_EXTERN int ng_parse_conllu(const ng_extractor *ex, const char *data, size_t len, const char *name,
                              ng_parsed **out, ng_error *err);

NG_EXTERN void ng_parsed_free(ng_parsed *p);
NG_EXTERN size_t ng_parsed_count(const ng_parsed *p);
/* Sentence i, borrowed from p; NULL when out of range. */
NG_EXTERN const ng_parse_sentence *ng_parsed_sentence(const ng_parsed *p, size_t i);

#ifdef __cplusplus
}
#endif

#endif
