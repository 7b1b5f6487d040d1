/* Syntax layer: the tags and parse of each sentence of one article,
 * computed once and shared by the stages that read them (the relations'
 * paths, then the descriptions), since tagging and parsing cost more than
 * anything else those stages do. Input: a sentence's index and its words;
 * output: their UPOS tags, heads and relations, as ng_tagger_tag and
 * ng_parser_parse give them. */
#ifndef NG_SYNTAX_CACHE_H
#define NG_SYNTAX_CACHE_H

#include <stddef.h>

#include "newsgraph/error.h"
#include "syntax/parse.h"
#include "syntax/tag.h"

typedef struct ng_parse_cache ng_parse_cache;

/* A cache for an article of nsents sentences, over the given models (which
 * must outlive it). Returns NULL when out of memory. */
ng_parse_cache *ng_parse_cache_new(const ng_tagger *tg, const ng_parser *ps, size_t nsents);
void ng_parse_cache_free(ng_parse_cache *c);

const ng_parser *ng_parse_cache_parser(const ng_parse_cache *c);
const ng_tagger *ng_parse_cache_tagger(const ng_parse_cache *c);

/* Tags and parses the n words `forms` of sentence si into upos, heads
 * (1-based, 0 for the root) and deprels, or copies what an earlier call on
 * the same sentence stored. Returns 0, or the tagger's or parser's error
 * (NG_ENOMEM, NG_ELIMIT) with err filled. */
int ng_parse_cache_get(ng_parse_cache *c, size_t si, const char *const *forms, size_t n, int *upos, int *heads,
                       int *deprels, ng_error *err);

#endif
