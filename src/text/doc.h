/* The text layer's document: the sentences and tokens of one article.
 * Input: the article bytes. Output: an ng_doc whose sentences and tokens hold
 * byte offsets into the original input and a normalised form for matching.
 * sentence.c fills the sentences, token.c the tokens; doc.c runs both. */
#ifndef NG_TEXT_DOC_H
#define NG_TEXT_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "newsgraph/error.h"

/* Longest sentence kept whole; a longer run without a sentence end is cut at
 * the next space after this many bytes. */
#define NG_MAX_SENTENCE 8192

enum {
	NG_TOK_WORD = 1 << 0,   /* letters (maybe digits, hyphens, apostrophes) */
	NG_TOK_NUM = 1 << 1,    /* starts with a digit */
	NG_TOK_PUNCT = 1 << 2,  /* one punctuation character */
	NG_TOK_CAP = 1 << 3,    /* first letter upper case */
	NG_TOK_UPPER = 1 << 4,  /* every letter upper case, at least two */
	NG_TOK_HYPHEN = 1 << 5, /* contains an inner hyphen */
	NG_TOK_POSS = 1 << 6,   /* possessive 's or ' split off a word */
	NG_TOK_DOTTED = 1 << 7, /* ends with a full stop (U.S., Mr., W.) */
	NG_TOK_QUOTE = 1 << 8   /* a quotation mark */
};

typedef struct ng_token {
	uint32_t start, end; /* bytes in the input */
	uint32_t norm;       /* offset of the NUL-terminated normal form */
	uint32_t sent;       /* sentence index */
	uint16_t flags;
} ng_token;

typedef struct ng_sentence {
	uint32_t start, end;         /* bytes in the input */
	uint32_t tok_begin, tok_end; /* tokens [begin, end) */
	uint32_t para;               /* paragraph number, 0 = headline if any */
	uint8_t headline;            /* the article's first line */
	uint8_t caps;                /* mostly capitals or title case: names unreliable */
} ng_sentence;

typedef struct ng_doc {
	const char *text;
	size_t len;
	int has_title;
	ng_sentence *sents;
	size_t nsents, csents;
	ng_token *toks;
	size_t ntoks, ctoks;
	char *norm; /* normal forms, NUL-separated */
	size_t nnorm, cnorm;
	uint32_t *wid; /* per token: the lexicon's word id (ng_lexicon_tag), or NULL */
} ng_doc;

/* What the text layer may ask of the lexicon: is this lower-case word a
 * common English word? Used to tell "in the U.S. Negotiations will" (a new
 * sentence) from "the U.S. Treasury". May be NULL. */
typedef struct ng_text_opts {
	int (*is_common)(const void *ctx, const char *lower_word);
	const void *ctx;
} ng_text_opts;

/* Splits text into sentences and tokens. The doc borrows `text`. */
int ng_doc_init(ng_doc *doc, const char *text, size_t len, const ng_text_opts *opts, ng_error *err);
void ng_doc_free(ng_doc *doc);

static inline const char *ng_tok_norm(const ng_doc *d, const ng_token *t)
{
	return d->norm + t->norm;
}

#endif
