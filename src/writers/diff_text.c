/* Diff writer: text. Input: a diff. Output: one line per difference, nodes
 * then edges in canonical order: "+" added, "-" removed, "~" changed
 * followed by each changed field as "field: old -> new". */
#include "newsgraph/diff.h"
#include "writers/writers.h"

static int write_text(const ng_diff *d, FILE *out, ng_error *err)
{
	static const char mark[] = {'+', '-', '~'};
	for (size_t i = 0; i < ng_diff_count(d); i++) {
		const ng_diff_item *x = ng_diff_get(d, i);
		if (x->is_edge)
			fprintf(out, "%c edge %s -%s-> %s", mark[x->status], x->source, ng_relation_name(x->type), x->target);
		else
			fprintf(out, "%c node %s \"%s\"", mark[x->status], x->id, x->name);
		for (size_t k = 0; k < x->nchanges; k++)
			fprintf(out, "%s%s: %s -> %s", k ? "; " : " ", x->changes[k].field, x->changes[k].from,
			        x->changes[k].to);
		fputc('\n', out);
	}
	return ferror(out) ? ng_fail(err, NG_EIO, NULL, 0, "write failed") : 0;
}

const ng_diff_writer ng_diff_writer_text = {"text", write_text};
