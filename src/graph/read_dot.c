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

/* s as the graph had it: the DOT writer doubles backslashes (Graphviz
 * would read one as an escape, and one at the end of a value as escaping
 * its closing quote). Into b unless s has none; NULL stays NULL, and so
 * does s when out of memory (reported by the caller's next copy). */
static const char *plain(ng_buf *b, const char *s)
{
	if (!s || !strchr(s, '\\'))
		return s;
	b->len = 0;
	int bad = ng_buf_adds(b, "");
	for (const char *p = s; *p && !bad; p++) {
		bad = ng_buf_addc(b, *p);
		if (p[0] == '\\' && p[1] == '\\')
			p++;
	}
	return bad ? NULL : b->s;
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

typedef struct dot_ctx {
	ng_graph *g;
	const char *name; /* the file, for errors */
	char *art;        /* the article: the graph's label, else the file */
	ng_buf b[3];      /* room for plain() */
	ng_error *err;
} dot_ctx;

static int read_nodes(dot_ctx *c, Agraph_t *G)
{
	for (Agnode_t *n = agfstnode(G); n; n = agnxtnode(G, n)) {
		const char *id = plain(&c->b[0], agnameof(n)), *colon = id ? strchr(id, ':') : NULL;
		if (!id)
			return ng_fail(c->err, NG_ENOMEM, NULL, 0, "out of memory");
		if (strncmp(id, "legend:", 7) == 0)
			continue;
		const char *t = attr(n, "ng_type");
		int type = t ? ng_type_parse(t, strlen(t)) : colon ? ng_type_parse(id, (size_t)(colon - id)) : -1;
		if (type < 0)
			return ng_fail(c->err, NG_EINVAL, c->name, 0, "node '%s' has no entity type (ng_type or a type: prefix)",
			               id);
		if (!ng_node_id_valid(id, type))
			return ng_fail(c->err, NG_EINVAL, c->name, 0, "node '%s': id must read %s:SLUG", id,
			               ng_type_name(type));
		const char *nm = plain(&c->b[1], attr(n, "label"));
		ng_node *x = ng_graph_node(c->g, id, type, nm ? nm : id, 0);
		if (!x || (nm && ng_node_add_alias(x, nm)))
			return ng_fail(c->err, NG_ENOMEM, NULL, 0, "out of memory");
		if ((x->diff = diff_status(attr(n, "ng_diff"))))
			c->g->has_diff = 1;
	}
	return 0;
}

static int read_edge(dot_ctx *c, Agedge_t *e)
{
	const char *s = plain(&c->b[0], agnameof(agtail(e))), *t = plain(&c->b[1], agnameof(aghead(e)));
	if (!s || !t)
		return ng_fail(c->err, NG_ENOMEM, NULL, 0, "out of memory");
	if (strncmp(s, "legend:", 7) == 0)
		return 0;
	const char *type = attr(e, "label");
	if (!type)
		type = agnameof(e);
	int rel = type ? ng_relation_parse(type, strlen(type)) : -1;
	if (rel < 0)
		return ng_fail(c->err, NG_EINVAL, c->name, 0, "edge %s -> %s: unknown relation '%s'", s, t, type ? type : "");
	if (!ng_graph_find_node(c->g, s) || !ng_graph_find_node(c->g, t))
		return 0; /* the legend */
	ng_edge *x = ng_graph_edge(c->g, s, rel, t);
	const char *mod = attr(e, "ng_modality"), *neg = attr(e, "ng_negated");
	int m = mod ? ng_modality_parse(mod, strlen(mod)) : -1;
	const char *sentence = plain(&c->b[2], attr(e, "tooltip")), *conf = attr(e, "ng_confidence");
	double cf = conf ? strtod(conf, NULL) : 0.5;
	ng_evidence ev = {c->art, (char *)(sentence ? sentence : ""), NULL, "dot", 0, 0,
	                  m < 0 ? NG_ASSERTED : (ng_modality)m, neg && !strcmp(neg, "true"), cf > 0 && cf <= 1 ? cf : 0.5};
	if (!x || ng_edge_add_evidence(c->g, x, &ev) || ng_edge_set_date(x, attr(e, "ng_date")))
		return ng_fail(c->err, NG_ENOMEM, NULL, 0, "out of memory");
	if ((x->diff = diff_status(attr(e, "ng_diff"))))
		c->g->has_diff = 1;
	return 0;
}

static int read_edges(dot_ctx *c, Agraph_t *G)
{
	int rc = 0;
	for (Agnode_t *n = agfstnode(G); n && !rc; n = agnxtnode(G, n))
		for (Agedge_t *e = agfstout(G, n); e && !rc; e = agnxtout(G, e))
			rc = read_edge(c, e);
	return rc;
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
	dot_ctx c = {NULL, name, NULL, {{0}}, err};
	int rc = ng_graph_new(&c.g, err);
	const char *label = plain(&c.b[0], attr(G, "label"));
	c.art = ng_strdup(label ? label : name);
	if (!rc && (!c.art || ng_graph_add_article(c.g, c.art, label, NULL, name)))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!rc)
		rc = read_nodes(&c, G);
	if (!rc)
		rc = read_edges(&c, G);
	for (int k = 0; k < 3; k++)
		ng_buf_free(&c.b[k]);
	free(c.art);
	ng_graph *g = c.g;
	agclose(G);
	if (rc) {
		ng_graph_free(g);
		return rc;
	}
	*out = g;
	return 0;
}
