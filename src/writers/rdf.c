/* Writers: RDF as N-Triples (one triple a line) and Turtle (prefixes,
 * grouped by subject), in the vocabulary of the README's "RDF vocabulary"
 * section. Input: the canonical view and a base IRI. Output: the same
 * triples in either syntax: vocabulary, articles, nodes with their direct
 * relation triples, then each edge as a reified statement with evidence. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "writers/writers.h"

enum { NS_RDF, NS_RDFS, NS_XSD, NS_OWL, NS_SKOS, NS_WD, NS_NG, NS_ENT, NS_ART, NS_STMT, NS_EV, NNS };

/* Namespaces; `based` ones hang under the base IRI. Statement and evidence
 * IRIs have several path segments, which Turtle local names cannot hold, so
 * they get no prefix. */
static const struct {
	const char *prefix, *iri;
	int based;
} ns[NNS] = {
	{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", 0},
	{"rdfs", "http://www.w3.org/2000/01/rdf-schema#", 0},
	{"xsd", "http://www.w3.org/2001/XMLSchema#", 0},
	{"owl", "http://www.w3.org/2002/07/owl#", 0},
	{"skos", "http://www.w3.org/2004/02/skos/core#", 0},
	{"wd", "http://www.wikidata.org/entity/", 0},
	{"ng", "ontology#", 1},
	{"ent", "entity/", 1},
	{"art", "article/", 1},
	{NULL, "statement/", 1},
	{NULL, "evidence/", 1},
};

enum {
	RDF_TYPE, RDF_STATEMENT, RDF_SUBJECT, RDF_PREDICATE, RDF_OBJECT,
	RDFS_LABEL, RDFS_SUBCLASSOF, OWL_CLASS, OWL_OBJECTPROPERTY, OWL_SYMMETRICPROPERTY, OWL_SAMEAS,
	SKOS_ALTLABEL, XSD_INTEGER, XSD_DECIMAL, XSD_BOOLEAN, XSD_DATE, XSD_GYEARMONTH, XSD_GYEAR, XSD_GMONTHDAY,
	NG_ENTITY, NG_ARTICLE_CLASS, NG_EVIDENCE_CLASS, NG_ID, NG_MENTIONCOUNT, NG_ISO3166, NG_WIKIDATA,
	NG_TITLE, NG_DATE, NG_SOURCE, NG_MODALITY, NG_NEGATED, NG_CONFIDENCE, NG_COUNT, NG_CAMEO, NG_EVIDENCE,
	NG_ARTICLE, NG_SENTENCE, NG_START, NG_END, NG_TRIGGER, NG_RULE, NG_DIFF, NTERMS
};

static const struct {
	int ns;
	const char *local;
} vocab[NTERMS] = {
	{NS_RDF, "type"}, {NS_RDF, "Statement"}, {NS_RDF, "subject"}, {NS_RDF, "predicate"}, {NS_RDF, "object"},
	{NS_RDFS, "label"}, {NS_RDFS, "subClassOf"}, {NS_OWL, "Class"}, {NS_OWL, "ObjectProperty"},
	{NS_OWL, "SymmetricProperty"}, {NS_OWL, "sameAs"}, {NS_SKOS, "altLabel"}, {NS_XSD, "integer"},
	{NS_XSD, "decimal"}, {NS_XSD, "boolean"}, {NS_XSD, "date"}, {NS_XSD, "gYearMonth"}, {NS_XSD, "gYear"},
	{NS_XSD, "gMonthDay"}, {NS_NG, "Entity"}, {NS_NG, "Article"}, {NS_NG, "Evidence"}, {NS_NG, "id"},
	{NS_NG, "mentionCount"}, {NS_NG, "iso3166"}, {NS_NG, "wikidata"}, {NS_NG, "title"}, {NS_NG, "date"},
	{NS_NG, "source"}, {NS_NG, "modality"}, {NS_NG, "negated"}, {NS_NG, "confidence"}, {NS_NG, "count"},
	{NS_NG, "cameo"}, {NS_NG, "evidence"}, {NS_NG, "article"}, {NS_NG, "sentence"}, {NS_NG, "start"},
	{NS_NG, "end"}, {NS_NG, "trigger"}, {NS_NG, "rule"}, {NS_NG, "diff"},
};

typedef struct rdf {
	FILE *out;
	int ttl;
	const char *base;
	ng_error *err;
	int rc; /* the first failure; every step is a no-op once it is set */
	char *t[NTERMS]; /* vocabulary terms, in the output syntax */
	char *cls[NG_NTYPES];
	char **rel; /* one property per relation type */
	ng_buf s, p, o, tmp;
	ng_buf open_s, open_p; /* Turtle: the subject and predicate being written */
} rdf;

static void oom(rdf *r, int fail)
{
	if (fail && !r->rc)
		r->rc = ng_fail(r->err, NG_ENOMEM, NULL, 0, "out of memory");
}

static void reset(ng_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

/* ASCII classes, whatever the locale. */
static int alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex(char c)
{
	return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* An absolute IRI (scheme ':' ...) of printable ASCII that IRIREF allows,
 * with well-formed percent escapes and no '#', since the vocabulary adds a
 * fragment of its own. */
static int valid_base(const char *s)
{
	size_t i = 0;
	while (alpha(s[i]) || (i > 0 && (digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')))
		i++;
	if (i == 0 || s[i] != ':')
		return 0;
	for (; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7F || strchr("<>\"{}|\\^`#", c))
			return 0;
		if (c == '%' && !(hex(s[i + 1]) && hex(s[i + 2])))
			return 0;
	}
	return 1;
}

/* Percent-encodes one path segment: everything but letters, digits, '_',
 * ':' and '-' (and '.' past the first byte, so no segment reads as "." or
 * ".."), which also keeps the result a valid Turtle local name. */
static void pct(rdf *r, ng_buf *b, const char *s)
{
	for (size_t i = 0; s[i] && !r->rc; i++) {
		char c = s[i];
		if (alpha(c) || digit(c) || c == '_' || c == ':' || c == '-' || (c == '.' && i > 0))
			oom(r, ng_buf_addc(b, c));
		else
			oom(r, ng_buf_printf(b, "%%%02X", (unsigned char)c));
	}
}

/* Writes into b the IRI ns + segs joined by '/', each segment encoded: a
 * prefixed name in Turtle where the grammar allows one, else <IRI>. */
static const char *iri(rdf *r, ng_buf *b, int n, const char *const *segs, size_t nsegs)
{
	reset(b);
	reset(&r->tmp);
	for (size_t i = 0; i < nsegs; i++) {
		if (i)
			oom(r, ng_buf_addc(&r->tmp, '/'));
		pct(r, &r->tmp, segs[i]);
	}
	const char *local = r->tmp.s ? r->tmp.s : "";
	size_t len = r->tmp.len;
	if (r->ttl && ns[n].prefix && nsegs == 1 && len && local[0] != '-' && local[len - 1] != '.')
		oom(r, ng_buf_printf(b, "%s:%s", ns[n].prefix, local));
	else
		oom(r, ng_buf_printf(b, "<%s%s%s>", ns[n].based ? r->base : "", ns[n].iri, local));
	return r->rc ? "" : b->s;
}

static const char *iri1(rdf *r, ng_buf *b, int n, const char *seg)
{
	return iri(r, b, n, &seg, 1);
}

/* Length of the valid UTF-8 sequence of a non-ASCII character at s, or 0. */
static size_t utf8_seq(const unsigned char *s)
{
	size_t n = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (n == 0 || s[0] > 0xF4)
		return 0;
	uint32_t cp = s[0] & (0x7Fu >> n);
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3Fu);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* Writes into b a literal: quoted, escaped as both grammars require (the
 * short escapes, \u for other control characters, UTF-8 kept), typed by
 * the vocabulary term `dt` (-1: xsd:string). Turtle writes numbers and
 * booleans bare. A string that is not UTF-8 cannot be written. */
static const char *lit(rdf *r, ng_buf *b, const char *s, int dt)
{
	reset(b);
	if (r->ttl && (dt == XSD_INTEGER || dt == XSD_DECIMAL || dt == XSD_BOOLEAN)) {
		oom(r, ng_buf_adds(b, s));
		return r->rc ? "" : b->s;
	}
	oom(r, ng_buf_addc(b, '"'));
	for (const unsigned char *c = (const unsigned char *)s; *c && !r->rc;) {
		const char *esc = *c == '"' ? "\\\"" : *c == '\\' ? "\\\\" : *c == '\n' ? "\\n" : *c == '\r' ? "\\r"
		                : *c == '\t' ? "\\t" : NULL;
		size_t n = *c >= 0x80 ? utf8_seq(c) : 1;
		if (esc)
			oom(r, ng_buf_adds(b, esc));
		else if (*c < 0x20)
			oom(r, ng_buf_printf(b, "\\u%04X", *c));
		else if (n)
			oom(r, ng_buf_add(b, (const char *)c, n));
		else
			r->rc = ng_fail(r->err, NG_EINVAL, NULL, 0, "a string holds invalid UTF-8 (byte 0x%02X at offset %zu)",
			                *c, (size_t)((const char *)c - s));
		c += n ? n : 1;
	}
	oom(r, ng_buf_addc(b, '"'));
	if (dt >= 0)
		oom(r, ng_buf_printf(b, "^^%s", r->t[dt]));
	return r->rc ? "" : b->s;
}

static const char *uint_lit(rdf *r, ng_buf *b, size_t v)
{
	char num[24];
	snprintf(num, sizeof num, "%zu", v);
	return lit(r, b, num, XSD_INTEGER);
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* An ISO 8601 date typed by its precision; a value no XSD type fits
 * (a day the month lacks, any other shape) stays a plain string. */
static const char *date_lit(rdf *r, ng_buf *b, const char *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(d);
	int dt = -1;
	if (n == 4 && digits(d, 4))
		dt = XSD_GYEAR;
	else if (n == 7 && digits(d, 4) && d[4] == '-' && digits(d + 5, 2))
		dt = XSD_GYEARMONTH;
	else if (n == 10 && digits(d, 4) && d[4] == '-' && digits(d + 5, 2) && d[7] == '-' && digits(d + 8, 2))
		dt = XSD_DATE;
	else if (n == 7 && d[0] == '-' && d[1] == '-' && digits(d + 2, 2) && d[4] == '-' && digits(d + 5, 2))
		dt = XSD_GMONTHDAY;
	if (dt >= 0 && dt != XSD_GYEAR) {
		const char *md = dt == XSD_GMONTHDAY ? d + 2 : d + 5; /* month, then day when present */
		int m = atoi(md);
		int day = dt == XSD_GYEARMONTH ? 1 : atoi(md + 3);
		int y = dt == XSD_DATE ? atoi(d) : 2000; /* gMonthDay allows --02-29 */
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		if (m < 1 || m > 12 || day < 1 || day > mdays[m - 1] || (m == 2 && day == 29 && !leap))
			dt = -1;
	}
	return lit(r, b, d, dt);
}

static void emit(rdf *r, const char *s, const char *p, const char *o)
{
	if (r->rc)
		return;
	if (!r->ttl) {
		fprintf(r->out, "%s %s %s .\n", s, p, o);
		return;
	}
	int same_s = r->open_s.len && strcmp(r->open_s.s, s) == 0;
	if (same_s && strcmp(r->open_p.s, p) == 0) {
		fprintf(r->out, ",\n\t\t%s", o);
		return;
	}
	if (same_s)
		fprintf(r->out, " ;\n\t%s %s", p, o);
	else
		fprintf(r->out, "%s%s %s %s", r->open_s.len ? " .\n\n" : "", s, p, o);
	reset(&r->open_s);
	reset(&r->open_p);
	oom(r, ng_buf_adds(&r->open_s, s) || ng_buf_adds(&r->open_p, p));
}

static void class_decl(rdf *r, const char *c, const char *label, int entity)
{
	emit(r, c, r->t[RDF_TYPE], r->t[OWL_CLASS]);
	emit(r, c, r->t[RDFS_LABEL], lit(r, &r->o, label, -1));
	if (entity)
		emit(r, c, r->t[RDFS_SUBCLASSOF], r->t[NG_ENTITY]);
}

/* The vocabulary describes itself, so a store holds what its terms mean. */
static void vocabulary(rdf *r)
{
	class_decl(r, r->t[NG_ENTITY], "entity", 0);
	for (int k = 0; k < NG_NTYPES; k++)
		class_decl(r, r->cls[k], ng_type_name(k), 1);
	class_decl(r, r->t[NG_ARTICLE_CLASS], "article", 0);
	class_decl(r, r->t[NG_EVIDENCE_CLASS], "evidence", 0);
	for (int k = 0; k < NG_NRELATIONS; k++) {
		const ng_relation_info *ri = ng_relation_get(k);
		emit(r, r->rel[k], r->t[RDF_TYPE], r->t[OWL_OBJECTPROPERTY]);
		if (ri->symmetric)
			emit(r, r->rel[k], r->t[RDF_TYPE], r->t[OWL_SYMMETRICPROPERTY]);
		emit(r, r->rel[k], r->t[RDFS_LABEL], lit(r, &r->o, ri->name, -1));
		if (ri->cameo)
			emit(r, r->rel[k], r->t[NG_CAMEO], lit(r, &r->o, ri->cameo, -1));
	}
}

static void article(rdf *r, const ng_article_rec *a)
{
	const char *s = iri1(r, &r->s, NS_ART, a->id);
	emit(r, s, r->t[RDF_TYPE], r->t[NG_ARTICLE_CLASS]);
	emit(r, s, r->t[NG_ID], lit(r, &r->o, a->id, -1));
	if (a->title)
		emit(r, s, r->t[NG_TITLE], lit(r, &r->o, a->title, -1));
	if (a->date)
		emit(r, s, r->t[NG_DATE], date_lit(r, &r->o, a->date));
	if (a->source)
		emit(r, s, r->t[NG_SOURCE], lit(r, &r->o, a->source, -1));
}

static void node(rdf *r, const ng_view_node *vn)
{
	const ng_node *n = vn->n;
	const char *s = iri1(r, &r->s, NS_ENT, n->id);
	emit(r, s, r->t[RDF_TYPE], r->cls[n->type]);
	emit(r, s, r->t[NG_ID], lit(r, &r->o, n->id, -1));
	emit(r, s, r->t[RDFS_LABEL], lit(r, &r->o, n->name, -1));
	for (size_t i = 0; i < vn->naliases; i++)
		emit(r, s, r->t[SKOS_ALTLABEL], lit(r, &r->o, vn->aliases[i], -1));
	if (n->iso3166)
		emit(r, s, r->t[NG_ISO3166], lit(r, &r->o, n->iso3166, -1));
	if (n->wikidata) {
		emit(r, s, r->t[NG_WIKIDATA], lit(r, &r->o, n->wikidata, -1));
		emit(r, s, r->t[OWL_SAMEAS], iri1(r, &r->o, NS_WD, n->wikidata));
	}
	emit(r, s, r->t[NG_MENTIONCOUNT], uint_lit(r, &r->o, vn->nmentions));
	if (n->diff)
		emit(r, s, r->t[NG_DIFF], lit(r, &r->o, n->diff, -1));
}

/* The plain triple a consumer reads as fact. A negated edge says the
 * relation does not hold, so it stays a reified statement only. */
static void direct(rdf *r, const ng_edge *e)
{
	if (e->negated)
		return;
	const char *s = iri1(r, &r->s, NS_ENT, e->source);
	emit(r, s, r->rel[e->rel], iri1(r, &r->o, NS_ENT, e->target));
}

static const char *statement_iri(rdf *r, ng_buf *b, const ng_edge *e)
{
	const char *segs[] = {e->source, ng_relation_get(e->rel)->name, e->target};
	return iri(r, b, NS_STMT, segs, 3);
}

/* Evidence is named by its edge and what identifies it within the edge
 * (article, offsets, rule), so the same evidence keeps its IRI from graph
 * to graph. */
static const char *evidence_iri(rdf *r, ng_buf *b, const ng_edge *e, const ng_evidence *v)
{
	char span[32];
	snprintf(span, sizeof span, "%u-%u", v->start, v->end);
	const char *segs[] = {e->source, ng_relation_get(e->rel)->name, e->target, v->article, span, v->rule ? v->rule : ""};
	return iri(r, b, NS_EV, segs, 6);
}

static void statement(rdf *r, const ng_view_edge *ve)
{
	const ng_edge *e = ve->e;
	const ng_relation_info *ri = ng_relation_get(e->rel);
	const char *s = statement_iri(r, &r->s, e);
	emit(r, s, r->t[RDF_TYPE], r->t[RDF_STATEMENT]);
	emit(r, s, r->t[RDF_SUBJECT], iri1(r, &r->o, NS_ENT, e->source));
	emit(r, s, r->t[RDF_PREDICATE], r->rel[e->rel]);
	emit(r, s, r->t[RDF_OBJECT], iri1(r, &r->o, NS_ENT, e->target));
	emit(r, s, r->t[NG_MODALITY], lit(r, &r->o, ng_modality_name(e->modality), -1));
	emit(r, s, r->t[NG_NEGATED], lit(r, &r->o, e->negated ? "true" : "false", XSD_BOOLEAN));
	if (e->date)
		emit(r, s, r->t[NG_DATE], date_lit(r, &r->o, e->date));
	char conf[32];
	snprintf(conf, sizeof conf, "%.2f", round(ve->confidence * 100) / 100); /* as JSON rounds it */
	emit(r, s, r->t[NG_CONFIDENCE], lit(r, &r->o, conf, XSD_DECIMAL));
	emit(r, s, r->t[NG_COUNT], uint_lit(r, &r->o, ve->count));
	if (ri->cameo)
		emit(r, s, r->t[NG_CAMEO], lit(r, &r->o, ri->cameo, -1));
	if (e->diff)
		emit(r, s, r->t[NG_DIFF], lit(r, &r->o, e->diff, -1));
	/* attrs keys are open-ended, so each is a property of its own prefix
	 * that no fixed term can clash with */
	for (size_t i = 0; i < ve->nattrs; i++) {
		ng_buf key = {0};
		oom(r, ng_buf_printf(&key, "attr_%s", ve->attrs[i]->key));
		emit(r, s, iri1(r, &r->p, NS_NG, key.s ? key.s : ""), lit(r, &r->o, ve->attrs[i]->val, -1));
		ng_buf_free(&key);
	}
	for (size_t i = 0; i < ve->nev; i++)
		emit(r, s, r->t[NG_EVIDENCE], evidence_iri(r, &r->o, e, ve->ev[i]));
	for (size_t i = 0; i < ve->nev; i++) {
		const ng_evidence *v = ve->ev[i];
		s = evidence_iri(r, &r->s, e, v);
		emit(r, s, r->t[RDF_TYPE], r->t[NG_EVIDENCE_CLASS]);
		emit(r, s, r->t[NG_ARTICLE], iri1(r, &r->o, NS_ART, v->article));
		emit(r, s, r->t[NG_SENTENCE], lit(r, &r->o, v->sentence ? v->sentence : "", -1));
		emit(r, s, r->t[NG_START], uint_lit(r, &r->o, v->start));
		emit(r, s, r->t[NG_END], uint_lit(r, &r->o, v->end));
		if (v->trigger)
			emit(r, s, r->t[NG_TRIGGER], lit(r, &r->o, v->trigger, -1));
		emit(r, s, r->t[NG_MODALITY], lit(r, &r->o, ng_modality_name(v->modality), -1));
		emit(r, s, r->t[NG_NEGATED], lit(r, &r->o, v->negated ? "true" : "false", XSD_BOOLEAN));
		if (v->rule)
			emit(r, s, r->t[NG_RULE], lit(r, &r->o, v->rule, -1));
	}
}

/* Builds the vocabulary terms once, in the output syntax. */
static void terms(rdf *r)
{
	ng_buf b = {0};
	for (int k = 0; k < NTERMS && !r->rc; k++) {
		iri1(r, &b, vocab[k].ns, vocab[k].local);
		r->t[k] = r->ttl && k == RDF_TYPE ? ng_strdup("a") : ng_strdup(b.s ? b.s : "");
		oom(r, !r->t[k]);
	}
	for (int k = 0; k < NG_NTYPES && !r->rc; k++) {
		char name[32];
		snprintf(name, sizeof name, "%s", ng_type_name(k));
		name[0] = (char)(name[0] - 'a' + 'A');
		iri1(r, &b, NS_NG, name);
		oom(r, !(r->cls[k] = ng_strdup(b.s ? b.s : "")));
	}
	r->rel = calloc((size_t)NG_NRELATIONS, sizeof *r->rel);
	oom(r, !r->rel);
	for (int k = 0; k < NG_NRELATIONS && !r->rc; k++) {
		iri1(r, &b, NS_NG, ng_relation_get(k)->name);
		oom(r, !(r->rel[k] = ng_strdup(b.s ? b.s : "")));
	}
	ng_buf_free(&b);
}

static int write_rdf(const ng_view *v, FILE *out, const ng_write_opts *o, int ttl, ng_error *err)
{
	const char *base = o->base_iri ? o->base_iri : NG_DEFAULT_BASE_IRI;
	if (!valid_base(base))
		return ng_fail(err, NG_EINVAL, NULL, 0,
		               "base IRI '%.100s' is not an absolute IRI without '#' (like https://example.org/kg/)", base);
	rdf r = {.out = out, .ttl = ttl, .base = base, .err = err};
	terms(&r);
	if (r.rc)
		goto done;
	for (int k = 0; ttl && k < NNS; k++)
		if (ns[k].prefix)
			fprintf(out, "@prefix %s: <%s%s> .\n", ns[k].prefix, ns[k].based ? base : "", ns[k].iri);
	if (ttl)
		fputc('\n', out);
	vocabulary(&r);
	for (size_t i = 0; i < v->narticles; i++)
		article(&r, v->articles[i]);
	/* Edges come sorted by source, nodes by id: each node's block takes the
	 * direct triples of the edges leaving it. */
	size_t j = 0;
	for (size_t i = 0; i < v->nnodes && !r.rc; i++) {
		node(&r, &v->nodes[i]);
		for (; j < v->nedges && strcmp(v->edges[j].e->source, v->nodes[i].n->id) <= 0; j++)
			direct(&r, v->edges[j].e);
	}
	for (; j < v->nedges && !r.rc; j++)
		direct(&r, v->edges[j].e);
	for (size_t i = 0; i < v->nedges && !r.rc; i++)
		statement(&r, &v->edges[i]);
	if (ttl && r.open_s.len && !r.rc)
		fputs(" .\n", out);
	if (!r.rc && (fflush(out) || ferror(out)))
		r.rc = ng_fail(err, NG_EIO, NULL, 0, "write failed");
done:
	for (int k = 0; k < NTERMS; k++)
		free(r.t[k]);
	for (int k = 0; k < NG_NTYPES; k++)
		free(r.cls[k]);
	for (int k = 0; r.rel && k < NG_NRELATIONS; k++)
		free(r.rel[k]);
	free(r.rel);
	ng_buf_free(&r.s);
	ng_buf_free(&r.p);
	ng_buf_free(&r.o);
	ng_buf_free(&r.tmp);
	ng_buf_free(&r.open_s);
	ng_buf_free(&r.open_p);
	return r.rc;
}

static int write_nt(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	return write_rdf(v, out, o, 0, err);
}

static int write_ttl(const ng_view *v, FILE *out, int part, const ng_write_opts *o, ng_error *err)
{
	(void)part;
	return write_rdf(v, out, o, 1, err);
}

const ng_writer ng_writer_nt = {"nt", "nt", "RDF N-Triples (--base-iri)", NULL, write_nt};
const ng_writer ng_writer_ttl = {"ttl", "ttl", "RDF Turtle (--base-iri)", NULL, write_ttl};
