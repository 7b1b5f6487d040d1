/* Writer: Cypher. Input: the canonical view. Output: a script for Neo4j's
 * cypher-shell (kuzu runs it too) that loads the graph idempotently: nodes
 * are MERGEd by id under a label from their type, relationships by (source,
 * type, target) with the type in upper snake case, and every SCHEMA.md field
 * is SET, so running the script twice changes nothing. Rows go in UNWIND
 * lists of at most BATCH, one statement per label for nodes and per (relation,
 * source label, target label) for edges, so that each MATCH uses a label.
 *
 * Dialect: labels and types are backquoted (kuzu reserves `Group`); strings
 * are single-quoted with \\ and \' escaped, tab and newline written as they
 * are (both stores take them raw), CR as \r (cypher-shell reads its input by
 * lines and would turn a raw CR into a newline) and other C0 controls as
 * \uXXXX; kuzu reads neither escape, the one gap. aliases is a list of strings;
 * mentions, attrs and evidence are JSON strings, because attrs keys are open
 * (a rule's named groups) and a store with a fixed schema needs fixed
 * properties. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "writers/jsonl.h"
#include "writers/writers.h"

enum { BATCH = 500 };

static void put_str(FILE *out, const char *s)
{
	fputc('\'', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == '\'')
			fprintf(out, "\\%c", *p);
		else if (*p == '\r')
			fputs("\\r", out);
		else if (*p < 0x20 && *p != '\t' && *p != '\n')
			fprintf(out, "\\u%04X", *p);
		else
			fputc(*p, out);
	}
	fputc('\'', out);
}

static void put_str_or_null(FILE *out, const char *s)
{
	if (s)
		put_str(out, s);
	else
		fputs("null", out);
}

/* The label of a type: its name capitalised, backquoted. */
static void put_label(FILE *out, int type)
{
	const char *s = ng_type_name(type);
	fprintf(out, "`%c%s`", toupper((unsigned char)s[0]), s + 1);
}

/* Puts the JSON text of obj's member as a Cypher string; 0 or NG_ENOMEM. */
static int put_json(FILE *out, const cJSON *obj, const char *member)
{
	char *text = ng_jsonl_member_text(obj, member);
	if (!text)
		return NG_ENOMEM;
	put_str(out, text);
	free(text);
	return 0;
}

static int node_row(FILE *out, const ng_view_node *vn)
{
	const ng_node *n = vn->n;
	cJSON *o = ng_jsonl_node(vn, NULL);
	if (!o)
		return NG_ENOMEM;
	fputs("{id: ", out);
	put_str(out, n->id);
	fputs(", type: ", out);
	put_str(out, ng_type_name(n->type));
	fputs(", name: ", out);
	put_str(out, n->name);
	fputs(", aliases: [", out);
	for (size_t i = 0; i < vn->naliases; i++) {
		if (i)
			fputs(", ", out);
		put_str(out, vn->aliases[i]);
	}
	fputs("], wikidata: ", out);
	put_str_or_null(out, n->wikidata);
	fputs(", iso3166: ", out);
	put_str_or_null(out, n->iso3166);
	fprintf(out, ", mention_count: %zu, mentions: ", vn->nmentions);
	int rc = put_json(out, o, "mentions");
	if (n->diff) {
		fputs(", diff: ", out);
		put_str(out, n->diff);
	}
	fputc('}', out);
	cJSON_Delete(o);
	return rc;
}

static int edge_row(FILE *out, const ng_view_edge *ve)
{
	const ng_edge *e = ve->e;
	const ng_relation_info *ri = ng_relation_get(e->rel);
	cJSON *o;
	char *conf;
	if (ng_jsonl_edge_fields(ve, &o, &conf))
		return NG_ENOMEM;
	fputs("{source: ", out);
	put_str(out, e->source);
	fputs(", target: ", out);
	put_str(out, e->target);
	fputs(", type: ", out);
	put_str(out, ri->name);
	fprintf(out, ", symmetric: %s, modality: ", ri->symmetric ? "true" : "false");
	put_str(out, ng_modality_name(e->modality));
	fprintf(out, ", negated: %s, date: ", e->negated ? "true" : "false");
	put_str_or_null(out, e->date);
	/* A float literal even when whole, so that Neo4j stores a float. */
	fprintf(out, ", count: %zu, confidence: %s%s, cameo: ", ve->count, conf, strchr(conf, '.') ? "" : ".0");
	put_str_or_null(out, ri->cameo);
	fputs(", attrs: ", out);
	int rc = put_json(out, o, "attrs");
	fputs(", evidence: ", out);
	if (!rc)
		rc = put_json(out, o, "evidence");
	if (e->diff) {
		fputs(", diff: ", out);
		put_str(out, e->diff);
	}
	fputc('}', out);
	free(conf);
	cJSON_Delete(o);
	return rc;
}

/* Orders n items into buckets by key (0 <= key < nkeys), keeping their
 * canonical order inside a bucket: *order (malloc'd) lists item indices,
 * bucket k holding order[start[k] .. start[k + 1]). */
static int bucket(const size_t *key, size_t n, size_t nkeys, size_t **order, size_t **start)
{
	*order = malloc((n ? n : 1) * sizeof **order);
	*start = calloc(nkeys + 1, sizeof **start);
	size_t *fill = calloc(nkeys, sizeof *fill);
	int rc = *order && *start && fill ? 0 : NG_ENOMEM;
	for (size_t i = 0; !rc && i < n; i++)
		(*start)[key[i] + 1]++;
	for (size_t k = 0; !rc && k < nkeys; k++)
		(*start)[k + 1] += (*start)[k];
	for (size_t i = 0; !rc && i < n; i++)
		(*order)[(*start)[key[i]] + fill[key[i]]++] = i;
	free(fill);
	return rc;
}

static int write_nodes(FILE *out, const ng_view_node *nodes, size_t n)
{
	/* Nodes without aliases get batches of their own: kuzu types an empty
	 * list literal as INT64[], which it cannot unify with STRING[]. */
	size_t *key = malloc((n ? n : 1) * sizeof *key), *order = NULL, *start = NULL;
	if (!key)
		return NG_ENOMEM;
	for (size_t i = 0; i < n; i++)
		key[i] = (size_t)nodes[i].n->type * 2 + (nodes[i].naliases == 0);
	int rc = bucket(key, n, NG_NTYPES * 2, &order, &start);
	for (size_t k = 0; !rc && k < NG_NTYPES * 2; k++)
		for (size_t b = start[k]; !rc && b < start[k + 1]; b += BATCH) {
			size_t end = b + BATCH < start[k + 1] ? b + BATCH : start[k + 1];
			fputs("UNWIND [\n", out);
			for (size_t i = b; !rc && i < end; i++) {
				rc = node_row(out, &nodes[order[i]]);
				fputs(i + 1 < end ? ",\n" : "\n", out);
			}
			fputs("] AS row\nMERGE (n:", out);
			put_label(out, (int)(k / 2));
			fputs(" {id: row.id})\nSET n.type = row.type, n.name = row.name, n.aliases = row.aliases, "
			      "n.wikidata = row.wikidata, n.iso3166 = row.iso3166, n.mention_count = row.mention_count, "
			      "n.mentions = row.mentions",
			      out);
			fputs(nodes[order[b]].n->diff ? ", n.diff = row.diff;\n" : ";\n", out);
		}
	free(key);
	free(order);
	free(start);
	return rc;
}

static int write_edges(const ng_graph *g, FILE *out, const ng_view_edge *edges, size_t n, ng_error *err)
{
	size_t *key = malloc((n ? n : 1) * sizeof *key), *order = NULL, *start = NULL;
	if (!key)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = 0;
	for (size_t i = 0; !rc && i < n; i++) {
		const ng_edge *e = edges[i].e;
		const ng_node *s = ng_graph_find_node(g, e->source), *t = ng_graph_find_node(g, e->target);
		if (!s || !t)
			rc = ng_fail(err, NG_EINVAL, NULL, 0, "edge %s -%s-> %s: an endpoint is not a node", e->source,
			             ng_relation_name(e->rel), e->target);
		else
			key[i] = ((size_t)e->rel * NG_NTYPES + (size_t)s->type) * NG_NTYPES + (size_t)t->type;
	}
	size_t nkeys = (size_t)NG_NRELATIONS * NG_NTYPES * NG_NTYPES;
	if (!rc && bucket(key, n, nkeys, &order, &start))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	for (size_t k = 0; !rc && k < nkeys; k++)
		for (size_t b = start[k]; !rc && b < start[k + 1]; b += BATCH) {
			size_t end = b + BATCH < start[k + 1] ? b + BATCH : start[k + 1];
			fputs("UNWIND [\n", out);
			for (size_t i = b; !rc && i < end; i++) {
				if (edge_row(out, &edges[order[i]]))
					rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
				fputs(i + 1 < end ? ",\n" : "\n", out);
			}
			fputs("] AS row\nMATCH (a:", out);
			put_label(out, (int)(k / NG_NTYPES % NG_NTYPES));
			fputs(" {id: row.source})\nMATCH (b:", out);
			put_label(out, (int)(k % NG_NTYPES));
			fputs(" {id: row.target})\nMERGE (a)-[r:`", out);
			for (const char *p = ng_relation_get(k / (NG_NTYPES * NG_NTYPES))->name; *p; p++)
				fputc(toupper((unsigned char)*p), out);
			fputs("`]->(b)\nSET r.type = row.type, r.symmetric = row.symmetric, r.modality = row.modality, "
			      "r.negated = row.negated, r.date = row.date, r.count = row.count, r.confidence = row.confidence, "
			      "r.cameo = row.cameo, r.attrs = row.attrs, r.evidence = row.evidence",
			      out);
			fputs(edges[order[b]].e->diff ? ", r.diff = row.diff;\n" : ";\n", out);
		}
	free(key);
	free(order);
	free(start);
	return rc;
}

static int write_cypher(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	(void)o;
	fprintf(out, "// newsgraph: %zu node%s, %zu edge%s. Idempotent: run with cypher-shell -f FILE.\n", v->nnodes,
	        v->nnodes == 1 ? "" : "s", v->nedges, v->nedges == 1 ? "" : "s");
	if (write_nodes(out, v->nodes, v->nnodes))
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	int rc = write_edges(v->g, out, v->edges, v->nedges, err);
	if (!rc && ferror(out))
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	return rc;
}

const ng_writer ng_writer_cypher = {"cypher", "cypher", "Cypher script, idempotent MERGE (Neo4j cypher-shell)", NULL,
                                    write_cypher};
