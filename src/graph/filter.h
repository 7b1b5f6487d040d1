/* The filter is public API (newsgraph/filter.h); this path is kept for the
 * files that include it by path from src/. */
#ifndef NG_FILTER_H
#define NG_FILTER_H

#include "newsgraph/filter.h"

#endif
