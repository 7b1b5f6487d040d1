/* Inputs, shared by the HTML reader's two halves (html.c: the text,
 * meta.c: the metadata) and the WARC reader. */
#ifndef NG_INPUT_PAGE_H
#define NG_INPUT_PAGE_H

#include <libxml/HTMLparser.h>
#include "newsgraph/input.h"
#include "util/util.h"

struct ng_page {
	char *text; /* title, blank line, paragraphs */
	size_t len;
	char *title, *date, *outlet, *url, *lang;
};

/* Fills p's metadata from the parsed page; `url` is where it came from.
 * 0 or NG_ENOMEM. */
int ng_page_meta(ng_page *p, xmlDocPtr doc, const char *url);
/* The day a string opens with or names, as YYYY-MM-DD into out[11]:
 * "2024-05-16T09:30Z", "May 16, 2024", "16 May 2024". 1, or 0 when none. */
int ng_page_find_date(const char *s, size_t n, char out[11]);
/* An element's attribute, which the caller frees with xmlFree; NULL when
 * absent. */
char *ng_page_attr(xmlNodePtr n, const char *name);
/* Collapses white space runs into one space and trims: in place. */
void ng_page_squeeze(char *s);

#endif
