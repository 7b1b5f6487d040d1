/* Text layer, part 3: the tokens of a doc whose sentences are split. */
#ifndef NG_TEXT_TOKEN_H
#define NG_TEXT_TOKEN_H

#include "text/text.h"

/* Appends the tokens of sentence `si` to doc->toks and its normal forms to
 * doc->norm, and sets the sentence's token range and capitals flag. */
int ng_tokenize_sentence(ng_doc *doc, uint32_t si, const ng_text_opts *opts, ng_error *err);

#endif
