/* newsgraph: turn English news text into a knowledge graph.
 *
 * Umbrella header. Conventions for the whole API:
 * - every function that can fail returns 0 or a negative NG_E* code and
 *   fills the caller's ng_error (which may be NULL);
 * - objects come from ng_*_new and go back through ng_*_free (NULL is fine);
 * - strings handed in are copied; getters return borrowed pointers that live
 *   as long as their parent object;
 * - the library never prints, exits or aborts. */
#ifndef NEWSGRAPH_H
#define NEWSGRAPH_H

#include "newsgraph/error.h"
#include "newsgraph/graph.h"
#include "newsgraph/schema.h"
#include "newsgraph/text.h"
#include "newsgraph/extract.h"
#include "newsgraph/writer.h"
#include "newsgraph/filter.h"
#include "newsgraph/diff.h"
#include "newsgraph/render.h"
#include "newsgraph/parse.h"
#include "newsgraph/input.h"

#define NG_VERSION "0.1.0"

#endif
