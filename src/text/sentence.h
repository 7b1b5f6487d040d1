/* Text layer, part 2: paragraphs and sentences of a doc. */
#ifndef NG_TEXT_SENTENCE_H
#define NG_TEXT_SENTENCE_H

#include "text/text.h"

/* Sentence splitting alone: fills sentence spans (no tokens). */
int ng_split_sentences(ng_doc *doc, const ng_text_opts *opts, ng_error *err);

#endif
