/* The option groups several commands share: the extract options
 * (--lexicon, --rules, --date, --id, --base-iri) and the filters (--types,
 * --relations, --min-count, --top). Every value is checked here, so that a
 * typo stops the command instead of, say, silently filtering everything
 * away. */
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsgraph/filter.h"

/* A vocabulary a list option names items of: entity types or relations. */
typedef struct vocab {
	const char *option, *what;
	int count;
	int (*parse)(const char *s, size_t n);
	const char *(*name)(int i);
} vocab;

static const char *type_at(int i)
{
	return ng_type_name((ng_type)i);
}

static const char *relation_at(int i)
{
	return ng_relation_name((ng_relation)i);
}

static const vocab types = {"--types", "entity type", NG_NTYPES, ng_type_parse, type_at};
static const vocab relations = {"--relations", "relation", NG_NRELATIONS, ng_relation_parse, relation_at};

/* The bits of a comma-separated list of names (bit i: item i); the first
 * unknown name is reported with the list of known ones. */
static int parse_list(const vocab *v, const char *list, unsigned *bits)
{
	unsigned b = 0;
	for (const char *p = list;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int t = v->parse(p, n);
		if (t < 0) {
			char known[512] = "";
			for (int k = 0; k < v->count; k++)
				snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", k ? ", " : "", v->name(k));
			return cli_error(NULL, "%s: unknown %s '%.*s' (one of %s)", v->option, v->what, (int)n, p, known);
		}
		b |= 1u << t;
		if (!e)
			break;
		p = e + 1;
	}
	*bits = b;
	return 0;
}

/* A positive decimal number, digits only (no sign, no spaces). */
static int parse_count(const char *s, size_t *out)
{
	if (!*s)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	unsigned long long v = strtoull(s, NULL, 10);
	if (errno || v == 0 || v > (unsigned long long)SIZE_MAX)
		return -1;
	*out = (size_t)v;
	return 0;
}

static int set_types(void *f, const char *val)
{
	return parse_list(&types, val, &((ng_filter *)f)->types);
}

/* The list is checked and kept as given: the filter takes names. */
static int set_relations(void *f, const char *val)
{
	unsigned bits;
	if (parse_list(&relations, val, &bits))
		return 2;
	((ng_filter *)f)->relations = val;
	return 0;
}

static int set_min_count(void *f, const char *val)
{
	return parse_count(val, &((ng_filter *)f)->min_count) ? cli_error(NULL, "--min-count needs a positive number")
	                                                      : 0;
}

static int set_top(void *f, const char *val)
{
	return parse_count(val, &((ng_filter *)f)->top) ? cli_error(NULL, "--top needs a positive number") : 0;
}

static int set_max_evidence(void *group, const char *val)
{
	return parse_count(val, &((cli_extract_opts *)group)->bounds.max_evidence)
	               ? cli_error(NULL, "--max-evidence needs a positive number")
	               : 0;
}

static int set_max_mentions(void *group, const char *val)
{
	return parse_count(val, &((cli_extract_opts *)group)->bounds.max_mentions)
	               ? cli_error(NULL, "--max-mentions needs a positive number")
	               : 0;
}

const cli_opt cli_bound_opts[] = {
	{"--max-evidence", NULL, "N", CLI_SET, 0, set_max_evidence,
	 "keep N evidence per edge, of the earliest articles (the\ncount covers all)", NULL},
	{"--max-mentions", NULL, "N", CLI_SET, 0, set_max_mentions, "keep N mentions per node, of the earliest articles",
	 NULL},
	{NULL}};

const cli_opt cli_filter_opts[] = {
	{"--types", NULL, "T,..", CLI_SET, 0, set_types, "keep only these entity types", NULL},
	{"--relations", NULL, "R,..", CLI_SET, 0, set_relations, "keep only these relation types", NULL},
	{"--min-count", NULL, "N", CLI_SET, 0, set_min_count, "keep only edges with at least N evidences", NULL},
	{"--top", NULL, "N", CLI_SET, 0, set_top, "keep only the N nodes of highest degree (after the\nother filters; nodes it cuts off go too)", NULL},
	{"--drop-isolated", NULL, NULL, CLI_FLAG, offsetof(ng_filter, drop_isolated), NULL,
	 "drop the nodes left without an edge", NULL},
	{NULL}};

/* scheme ":" then printable ASCII other than what IRIs forbid; '#' would
 * clash with the vocabulary's fragments. */
static int absolute_iri(const char *s)
{
	const char *p = s;
	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '.' || *p == '-')
		p++;
	if (*p != ':')
		return 0;
	for (; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("<>\"{}|\\^`#", *p))
			return 0;
	return 1;
}

static int set_date(void *group, const char *val)
{
	int v = ng_date_check(val, strlen(val), 0);
	if (v < 0)
		return cli_error(NULL, "--date '%s' is not YYYY-MM-DD", val);
	if (v == 0)
		return cli_error(NULL, "--date '%s' is not a day of the calendar", val);
	((cli_extract_opts *)group)->date = val;
	return 0;
}

static int set_iri(void *group, const char *val)
{
	if (!absolute_iri(val))
		return cli_error(NULL, "--base-iri '%s' is not an absolute IRI (scheme:..., printable ASCII, no #)", val);
	((cli_extract_opts *)group)->wopts.base_iri = val;
	return 0;
}

#define EX(field) offsetof(cli_extract_opts, field)

const cli_opt cli_lexicon_opts[] = {
	{"--lexicon", NULL, "FILE", CLI_LIST, EX(lexicons), NULL, "add knowledge-base entries (repeatable)", NULL},
	{NULL}};
const cli_opt cli_rules_opts[] = {
	{"--rules", NULL, "FILE", CLI_LIST, EX(rules), NULL, "add relation rules (repeatable)", NULL},
	{NULL}};
const cli_opt cli_article_opts[] = {
	{"--date", NULL, "DATE", CLI_SET, 0, set_date, "article date, YYYY-MM-DD: resolves relative dates", NULL},
	{"--id", NULL, "ID", CLI_STR, EX(id), NULL, "article id (default: the file name)", NULL},
	{NULL}};
static int set_layout(void *group, const char *val)
{
	static const char *const engines[] = {"dot", "neato", "fdp", "sfdp", "circo", "twopi"};
	for (size_t i = 0; i < sizeof engines / sizeof *engines; i++)
		if (strcmp(val, engines[i]) == 0) {
			((cli_extract_opts *)group)->wopts.layout = engines[i];
			return 0;
		}
	return cli_error(NULL, "--layout '%s' is not a layout engine (dot, neato, fdp, sfdp, circo, twopi)", val);
}

const cli_opt cli_format_opts[] = {
	{"--base-iri", NULL, "IRI", CLI_SET, 0, set_iri,
	 "RDF formats: base of the vocabulary and node IRIs\n(default " NG_DEFAULT_BASE_IRI ")", NULL},
	{"--layout", NULL, "ENGINE", CLI_SET, 0, set_layout,
	 "graphml: lay the graph out (dot, neato, fdp, sfdp, circo,\ntwopi) and give each node x and y, for Gephi;\n"
	 "html: the map's layout (default: neato up to 60 entities,\nsfdp beyond)",
	 NULL},
	{NULL}};

void cli_formats_help(FILE *f)
{
	for (const ng_writer *const *w = ng_writers(); *w; w++)
		fprintf(f, "%23s%-8s %s\n", "", (*w)->name, (*w)->description);
}

void cli_extract_opts_free(cli_extract_opts *o)
{
	cli_list_free(&o->lexicons);
	cli_list_free(&o->rules);
}
