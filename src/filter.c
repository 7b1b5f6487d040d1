/* Graph filters (placeholder until written: passes everything). */
#include "filter.h"
#include "graph.h"

int ng_filter_active(const ng_filter *f)
{
	return f->types || f->relations || f->min_count || f->top;
}

int ng_graph_filter(const ng_graph *g, const ng_filter *f, ng_graph **out, ng_error *err)
{
	(void)f;
	int rc = ng_graph_new(out, err);
	return rc ? rc : ng_graph_merge(*out, g, err);
}
