/* Writer: CSV for `neo4j-admin database import`. Input: the canonical view.
 * Output: two parts, nodes.csv and edges.csv, each a header row in the
 * import tool's format (id:ID, :LABEL, :START_ID, :END_ID, :TYPE, typed
 * properties) and one row per node or edge in canonical order.
 *
 * Fields are quoted as RFC 4180 says (when they hold a comma, quote, CR or
 * LF; quotes doubled); a null is an empty unquoted field, which the import
 * tool skips. aliases is a string[] whose elements are joined by U+001F (the
 * ASCII unit separator: names may hold ';', ',' and '|', but the text layer
 * refuses control characters), so the import needs
 * --array-delimiter=U+001F, and --multiline-fields=true since names and
 * sentences may hold newlines. mentions, attrs and evidence are JSON text. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "writers/jsonl.h"
#include "writers/writers.h"

#define ARRAY_DELIM '\x1f'

/* Writes a field, quoted when RFC 4180 needs it, when it is empty (so that
 * it differs from a missing value) and when it starts or ends with a space
 * or tab (which some readers trim from unquoted fields). NULL: nothing. */
static void put_field(FILE *out, const char *s)
{
	if (!s)
		return;
	size_t n = strlen(s);
	if (n && !strpbrk(s, ",\"\r\n") && !strchr(" \t", s[0]) && !strchr(" \t", s[n - 1])) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* Puts the JSON text of obj's member as a field; 0 or NG_ENOMEM. */
static int put_json(FILE *out, const cJSON *obj, const char *member)
{
	char *text = ng_jsonl_member_text(obj, member);
	if (!text)
		return NG_ENOMEM;
	put_field(out, text);
	free(text);
	return 0;
}

static int node_row(FILE *out, const ng_view_node *vn, ng_buf *b, ng_error *err)
{
	const ng_node *n = vn->n;
	b->len = 0;
	for (size_t i = 0; i < vn->naliases; i++) {
		if (strchr(vn->aliases[i], ARRAY_DELIM))
			return ng_fail(err, NG_EINVAL, NULL, 0, "node %s: alias holds U+001F, the CSV array delimiter",
			               n->id);
		if ((i && ng_buf_addc(b, ARRAY_DELIM)) || ng_buf_adds(b, vn->aliases[i]))
			return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	}
	cJSON *o = ng_jsonl_node(vn, NULL);
	if (!o)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	const char *type = ng_type_name(n->type);
	put_field(out, n->id);
	fprintf(out, ",%c%s,%s,", toupper((unsigned char)type[0]), type + 1, type);
	put_field(out, n->name);
	fputc(',', out);
	put_field(out, vn->naliases ? b->s : NULL);
	fputc(',', out);
	put_field(out, n->wikidata);
	fputc(',', out);
	put_field(out, n->iso3166);
	fprintf(out, ",%zu,", vn->nmentions);
	int rc = put_json(out, o, "mentions");
	if (n->diff)
		fprintf(out, ",%s", n->diff);
	fputc('\n', out);
	cJSON_Delete(o);
	return rc ? ng_fail(err, rc, NULL, 0, "out of memory") : 0;
}

static int edge_row(FILE *out, const ng_view_edge *ve, ng_error *err)
{
	const ng_edge *e = ve->e;
	const ng_relation_info *ri = ng_relation_get(e->rel);
	cJSON *o;
	char *conf;
	int rc = ng_jsonl_edge_fields(ve, &o, &conf);
	if (!rc) {
		put_field(out, e->source);
		fputc(',', out);
		put_field(out, e->target);
		fputc(',', out);
		for (const char *p = ri->name; *p; p++)
			fputc(toupper((unsigned char)*p), out);
		fprintf(out, ",%s,%s,%s,%s,", ri->name, ri->symmetric ? "true" : "false", ng_modality_name(e->modality),
		        e->negated ? "true" : "false");
		put_field(out, e->date);
		fprintf(out, ",%zu,%s,", ve->count, conf);
		put_field(out, ri->cameo);
		fputc(',', out);
		rc = put_json(out, o, "attrs");
		fputc(',', out);
		if (!rc)
			rc = put_json(out, o, "evidence");
		if (e->diff)
			fprintf(out, ",%s", e->diff);
		fputc('\n', out);
	}
	free(conf);
	cJSON_Delete(o);
	return rc ? ng_fail(err, rc, NULL, 0, "out of memory") : 0;
}

static int write_csv(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)o;
	ng_buf b = {0};
	int rc = 0;
	if (part == 0) {
		fputs("id:ID,:LABEL,type,name,aliases:string[],wikidata,iso3166,mention_count:int,mentions", out);
		fputs(v->has_diff ? ",diff\n" : "\n", out);
		for (size_t i = 0; !rc && i < v->nnodes; i++)
			rc = node_row(out, &v->nodes[i], &b, err);
	} else {
		fputs(":START_ID,:END_ID,:TYPE,type,symmetric:boolean,modality,negated:boolean,date,count:int,"
		      "confidence:double,cameo,attrs,evidence",
		      out);
		fputs(v->has_diff ? ",diff\n" : "\n", out);
		for (size_t i = 0; !rc && i < v->nedges; i++)
			rc = edge_row(out, &v->edges[i], err);
	}
	if (!rc && ferror(out))
		rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
	ng_buf_free(&b);
	return rc;
}

static const char *const csv_parts[] = {"nodes.csv", "edges.csv", NULL};
const ng_writer ng_writer_csv = {"csv", "csv", "nodes.csv + edges.csv for neo4j-admin import (-o DIR)", csv_parts,
                                 write_csv};
