/* Text layer: the document. Input: the article bytes. Output: an ng_doc,
 * its sentences (sentence.c) and then their tokens (token.c). */
#include "text/doc.h"

#include <stdlib.h>
#include <string.h>

#include "text/sentence.h"
#include "text/token.h"
#include "util/util.h"

int ng_doc_init(ng_doc *d, const char *text, size_t len, const ng_text_opts *opts, ng_error *err)
{
	memset(d, 0, sizeof *d);
	d->text = text;
	d->len = len;
	int r = ng_split_sentences(d, opts, err);
	/* Sized once from the text (a token per five bytes, normal forms no
	 * longer than the text plus a NUL each); growth remains the fallback. */
	if (!r && (ng_grow((void **)&d->toks, &d->ctoks, len / 5 + 16, sizeof *d->toks) ||
	           ng_grow((void **)&d->norm, &d->cnorm, len + len / 4 + 16, 1)))
		r = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t i = 0; !r && i < d->nsents; i++)
		r = ng_tokenize_sentence(d, (uint32_t)i, opts, err);
	if (r)
		ng_doc_free(d);
	return r;
}

void ng_doc_free(ng_doc *d)
{
	free(d->sents);
	free(d->toks);
	free(d->norm);
	free(d->wid);
	memset(d, 0, sizeof *d);
}
