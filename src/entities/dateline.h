/* Entities: a dateline's place and agency (dateline.c). */
#ifndef NG_ENTITIES_DATELINE_H
#define NG_ENTITIES_DATELINE_H

#include "entities/ner.h"
#include "text/dateline.h"

/* Makes the mentions inside the dateline's place a location (no longer a
 * government's stand-in; one is added when no name was found there) and
 * drops those inside its agency. Runs between ng_ner and ng_link.
 * 0 or NG_ENOMEM. */
int ng_dateline_mentions(const ng_dateline *dl, const ng_doc *doc, ng_ents *x);

#endif
