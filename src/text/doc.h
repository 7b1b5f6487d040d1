/* Text layer: one article's doc, sentences then tokens. */
#ifndef NG_TEXT_DOC_H
#define NG_TEXT_DOC_H

#include "text/text.h"

/* Splits text into sentences and tokens. The doc borrows `text`; opts may
 * be NULL. */
int ng_doc_init(ng_doc *doc, const char *text, size_t len, const ng_text_opts *opts, ng_error *err);
void ng_doc_free(ng_doc *doc);

#endif
