/* The extractor's insides, shared by the pipeline (extract.c) and the tools
 * that time its stages (tests/bench). */
#ifndef NG_EXTRACTOR_H
#define NG_EXTRACTOR_H

#include "entities/lexicon.h"
#include "entities/typer.h"
#include "newsgraph/extract.h"
#include "relations/rules.h"
#include "syntax/parse.h"
#include "syntax/tag.h"

struct ng_extractor {
	ng_lexicon lx;
	ng_rules rs;
	ng_tagger *tagger; /* the compiled-in models, used in place; read-only, shared by threads */
	ng_parser *parser;
	ng_typer *typer;
};

#endif
