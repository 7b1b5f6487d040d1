/* The text layer: wire datelines (dateline.c). */
#ifndef NG_TEXT_DATELINE_H
#define NG_TEXT_DATELINE_H

#include <stddef.h>
#include "text/text.h"

/* "MOSCOW, May 16 (Reuters) - ": byte spans in the article's text. */
typedef struct ng_dateline {
	size_t start, end;                /* the whole dateline, its dash and space included */
	size_t place_start, place_end;    /* "MOSCOW" */
	size_t agency_start, agency_end;  /* "Reuters"; both 0 when none */
	int month, day, year;             /* 0 when not given */
} ng_dateline;

/* Looks for a dateline opening the text or its first paragraph after a
 * headline. 1 when found (filling dl), else 0. */
int ng_dateline_find(const char *text, size_t len, ng_dateline *dl);

/* The dateline's day as YYYY-MM-DD into out: its own year, else the year
 * of `ref` (YYYY-MM-DD, or NULL), the one before when the day would come
 * after ref. 1, or 0 when it names no day or no year is known. */
int ng_dateline_date(const ng_dateline *dl, const char *ref, char out[11]);

/* Makes the dateline a sentence of its own, so that the story's first
 * sentence is read without it (a dateline in a headline stays). 0 or
 * NG_ENOMEM. */
int ng_dateline_split(ng_doc *d, const ng_dateline *dl);

#endif
