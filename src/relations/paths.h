/* Relations, part 4: dependency paths. Input: one sentence of a linked doc,
 * the tagger and the parser. Output: for each ordered pair of mentions of
 * two entities, the path between their heads in the parse, written as a
 * string the path rules match:
 *
 *   <person#0> <nsubj visit:VERB >obj <state#4>
 *
 * Each step is a relation going up to a head (<) or down to a dependent
 * (>), obl and nmod carry their preposition (>obl:to), and each word on
 * the way reads lemma:UPOS. The parse is enhanced first, as in Enhanced
 * UD, so the path is short where the meaning is near: a conjunct shares
 * its first conjunct's head and subject ("the EU and Japan imposed"), an
 * apposition its noun's head ("talks with his counterpart, Olaf Scholz"), a
 * relative clause and a participle take the noun they modify as their
 * subject ("Lula, who is visiting Japan"; "Merkel, touring the plant"),
 * and a controlled verb takes its controller's ("agreed to supply"). */
#ifndef NG_RELATIONS_PATHS_H
#define NG_RELATIONS_PATHS_H

#include <stddef.h>
#include <stdint.h>

#include "entities/lexicon.h"
#include "entities/ner.h"
#include "syntax/cache.h"
#include "syntax/parse.h"
#include "syntax/tag.h"
#include "text/text.h"
#include "util/util.h"

/* Longest path kept, in steps: longer ones link words too far apart to
 * say anything the rules could read. */
#define NG_PATH_MAX_STEPS 7

typedef struct ng_path {
	size_t from, to;   /* mention indexes: the path goes from `from` to `to` */
	size_t text;       /* offset of its string in ng_paths.text */
	int trigger;       /* the word at the top of the path, or -1 */
	int modality;      /* of the trigger's verb group (ng_modality); asserted without one */
	int negated;
} ng_path;

/* The workspace of one sentence at a time; zero-initialise, reuse, free. */
typedef struct ng_paths {
	size_t n, cap;     /* words */
	uint32_t *start, *end;
	int *upos, *head, *rel; /* head: 0-based, -1 for the root */
	size_t *form, *lemma;   /* offsets into words */
	const char **fptr;      /* the forms, for the tagger and the parser */
	ng_buf words;
	/* the enhanced graph: for each word, the edges touching it */
	struct ng_path_edge *edges;
	size_t nedges, cedges;
	ng_path *p;
	size_t np, cp;
	ng_buf text;
	ng_buf group; /* scratch: a verb group's words */
	const ng_map *known; /* form -> lemma the trigger lexicon knows ("shelled" -> shell), or NULL */
} ng_paths;

/* Parses sentence si (through the article's parse cache) and fills p->p
 * with the paths between the linked mentions [first, last) of x. Returns
 * 0, or an error code with err filled. */
int ng_paths_sentence(ng_paths *p, ng_parse_cache *pc, const ng_lexicon *lx, const ng_doc *d, uint32_t si,
                      const ng_ents *x, size_t first, size_t last, ng_error *err);
void ng_paths_free(ng_paths *p);
/* Writes the parse of the last sentence to out, NUL-terminated:
 * "1:Putin/PROPN>2:nsubj 2:visited/VERB>0:root ...". 0 or NG_ENOMEM. */
int ng_paths_write_parse(const ng_paths *p, const ng_parser *ps, ng_buf *out);

/* The lemma of word i. */
static inline const char *ng_paths_lemma(const ng_paths *p, int i)
{
	return p->words.s + p->lemma[i];
}

#endif
