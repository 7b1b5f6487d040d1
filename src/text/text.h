/* The text layer's data: the sentences and tokens of one article, as
 * byte offsets into the original input with a normalised form for matching.
 * sentence.c fills the sentences, token.c the tokens; doc.c runs both. */
#ifndef NG_TEXT_TEXT_H
#define NG_TEXT_TEXT_H

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

/* The word classes the text layer asks about. */
enum {
	NG_TEXT_COMMON = 1 << 0,         /* a common word: "in the U.S. Negotiations will" starts a sentence */
	NG_TEXT_ABBR_TITLE = 1 << 1,     /* Mr., e.g.: a full stop after it ends no sentence */
	NG_TEXT_ABBR_NUMBER = 1 << 2,    /* Jan., No.: ends one unless a number follows */
	NG_TEXT_ABBR_FIRM = 1 << 3,      /* Inc., p.m.: ends one before a starter or a plain word */
	NG_TEXT_ABBR_SPLIT = 1 << 4,     /* Fig.: of those, one whose full stop is a token of its own */
	NG_TEXT_STARTER = 1 << 5,        /* The, However: begins a sentence after an abbreviation */
	NG_TEXT_NAME_CONTINUES = 1 << 6, /* Treasury after U.S.: the name goes on */
	NG_TEXT_SAYING = 1 << 7,         /* asked: "Is it legal?" Smith asked goes on */
	NG_TEXT_IS_CONTRACTION = 1 << 8  /* it, that: 's after it is "is", not a possessive */
};

/* What the text layer may ask of the lexicon, which comes after it: the
 * NG_TEXT_* classes of the word w[0, n), ASCII letters compared without
 * case. `classes` may be NULL (no word is of any class). */
typedef struct ng_text_opts {
	unsigned (*classes)(const void *ctx, const char *w, size_t n);
	const void *ctx;
	int continued; /* the text goes on from an earlier part: no headline */
} ng_text_opts;

static inline unsigned ng_text_classes(const ng_text_opts *o, const char *w, size_t n)
{
	return o && o->classes && n ? o->classes(o->ctx, w, n) : 0;
}

static inline const char *ng_tok_norm(const ng_doc *d, const ng_token *t)
{
	return d->norm + t->norm;
}

#endif
