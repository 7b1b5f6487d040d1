/* Reader: the DOT newsgraph writes, back into a graph. DOT keeps less than
 * JSON: each edge comes back with one evidence (its tooltip sentence), and
 * mentions are not kept; node types and edge modality come from the ng_*
 * attributes the writer sets. Input: DOT text. Output: a graph or an error. */
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/read.h"

static const char *attr(void *obj, const char *key)
{
	char *v = agget(obj, (char *)key);
	return v && *v ? v : NULL;
}

/* A diff's status as the DOT writer marks it (ng_diff), as the graph keeps
 * it; NULL for none or an unknown word. */
static const char *diff_status(const char *s)
{
	static const char *const words[] = {"added", "removed", "changed", "unchanged"};
	for (size_t i = 0; s && i < sizeof words / sizeof *words; i++)
		if (strcmp(s, words[i]) == 0)
			return words[i];
	return NULL;
}

int ng_graph_read_dot(const char *data, size_t len, const char *name, ng_graph **out, ng_error *err)
{
	*out = NULL;
	if (len > NG_READ_MAX_BYTES)
		return ng_fail(err, NG_ELIMIT, name, 0, "larger than 1 GiB");
	char *text = ng_strndup(data, len); /* agmemread wants a C string */
	if (!text)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	/* cgraph reports parse errors through its own channel: keep them off
	 * stderr and turn them into our error */
	agerrlevel_t level = agseterr(AGMAX);
	agreseterrors();
	Agraph_t *G = agmemread(text);
	free(text);
	/* The level is process-wide: give the caller's back. */
	agseterr(level);
	/* An error may still leave a graph: past some 3,000 nested subgraphs
	 * the parser runs out of stack ("memory exhausted") and returns an
	 * empty one. Any error rejects the file. */
	if (!G || agerrors()) {
		char *msg = aglasterr();
		if (msg)
			msg[strcspn(msg, "\n")] = 0;
		int rc = ng_fail(err, NG_EINVAL, name, 0, "not a DOT graph: %s", msg && *msg ? msg : "syntax error");
		free(msg);
		if (G)
			agclose(G);
		return rc;
	}
	ng_graph *g = NULL;
	int rc = ng_graph_new(&g, err);
	const char *label = attr(G, "label");
	const char *art = label ? label : name;
	if (!rc && ng_graph_add_article(g, art, label, NULL, name))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (Agnode_t *n = agfstnode(G); n && !rc; n = agnxtnode(G, n)) {
		const char *id = agnameof(n), *colon = strchr(id, ':');
		if (strncmp(id, "legend:", 7) == 0)
			continue;
		const char *t = attr(n, "ng_type");
		int type = t ? ng_type_parse(t, strlen(t)) : colon ? ng_type_parse(id, (size_t)(colon - id)) : -1;
		if (type < 0) {
			rc = ng_fail(err, NG_EINVAL, name, 0, "node '%s' has no entity type (ng_type or a type: prefix)", id);
			break;
		}
		if (!ng_node_id_valid(id, type)) {
			rc = ng_fail(err, NG_EINVAL, name, 0, "node '%s': id must read %s:SLUG", id, ng_type_name(type));
			break;
		}
		const char *nm = attr(n, "label");
		ng_node *x = ng_graph_node(g, id, type, nm ? nm : id, 0);
		if (!x || (nm && ng_node_add_alias(x, nm)))
			rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
		else if ((x->diff = diff_status(attr(n, "ng_diff"))))
			g->has_diff = 1;
	}
	for (Agnode_t *n = agfstnode(G); n && !rc; n = agnxtnode(G, n)) {
		for (Agedge_t *e = agfstout(G, n); e && !rc; e = agnxtout(G, e)) {
			const char *s = agnameof(agtail(e)), *t = agnameof(aghead(e));
			if (strncmp(s, "legend:", 7) == 0)
				continue;
			const char *type = attr(e, "label");
			if (!type)
				type = agnameof(e);
			int rel = type ? ng_relation_parse(type, strlen(type)) : -1;
			if (rel < 0) {
				rc = ng_fail(err, NG_EINVAL, name, 0, "edge %s -> %s: unknown relation '%s'", s, t,
				             type ? type : "");
				break;
			}
			if (!ng_graph_find_node(g, s) || !ng_graph_find_node(g, t))
				continue; /* the legend */
			ng_edge *x = ng_graph_edge(g, s, rel, t);
			const char *mod = attr(e, "ng_modality"), *neg = attr(e, "ng_negated");
			int m = mod ? ng_modality_parse(mod, strlen(mod)) : -1;
			const char *sentence = attr(e, "tooltip"), *conf = attr(e, "ng_confidence");
			double c = conf ? strtod(conf, NULL) : 0.5;
			ng_evidence ev = {(char *)art, (char *)(sentence ? sentence : ""), NULL, "dot", 0, 0, m < 0 ? NG_ASSERTED : (ng_modality)m,
			                  neg && !strcmp(neg, "true"), c > 0 && c <= 1 ? c : 0.5};
			if (!x || ng_edge_add_evidence(g, x, &ev) || ng_edge_set_date(x, attr(e, "ng_date")))
				rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
			else if ((x->diff = diff_status(attr(e, "ng_diff"))))
				g->has_diff = 1;
		}
	}
	agclose(G);
	if (rc) {
		ng_graph_free(g);
		return rc;
	}
	*out = g;
	return 0;
}
