/* Filter options shared by the commands that write or draw a graph
 * (--types, --relations, --min-count, --top). Input: argv. Output: an
 * ng_filter, with every name checked here so that a typo stops the command
 * instead of silently filtering everything away. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "graph/filter.h"
#include "graph/graph.h"

enum { OPT_TYPES, OPT_RELATIONS, OPT_MIN_COUNT, OPT_TOP, NOPTS };

static const char *const names[NOPTS] = {"--types", "--relations", "--min-count", "--top"};

/* The type bits of a comma-separated list of entity type names; the first
 * unknown name is reported and nothing is set. */
static int parse_types(const char *list, unsigned *bits)
{
	unsigned b = 0;
	const char *p = list;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int t = ng_type_parse(p, n);
		if (t < 0) {
			cli_error(NULL, "--types: unknown entity type '%.*s'", (int)n, p);
			return -1;
		}
		b |= 1u << t;
		if (!e)
			break;
		p = e + 1;
	}
	*bits = b;
	return 0;
}

/* Every item must be a relation type; the list is kept as given. */
static int check_relations(const char *list)
{
	const char *p = list;
	for (;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (ng_relation_parse(p, n) < 0) {
			cli_error(NULL, "--relations: unknown relation '%.*s'", (int)n, p);
			return -1;
		}
		if (!e)
			break;
		p = e + 1;
	}
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

int cli_filter_opt(struct ng_filter *f, int argc, char **argv, int *i)
{
	const char *a = argv[*i], *val = NULL;
	int which = -1;
	for (int k = 0; k < NOPTS && which < 0; k++) {
		size_t l = strlen(names[k]);
		if (strncmp(a, names[k], l) != 0 || (a[l] != 0 && a[l] != '='))
			continue;
		which = k;
		if (a[l] == '=')
			val = a + l + 1;
		else if (*i + 1 < argc)
			val = argv[++*i];
		else {
			cli_error(NULL, "option %s needs a value", names[k]);
			return -1;
		}
	}
	switch (which) {
	case OPT_TYPES:
		return parse_types(val, &f->types) ? -1 : 1;
	case OPT_RELATIONS:
		if (check_relations(val))
			return -1;
		f->relations = val;
		return 1;
	case OPT_MIN_COUNT:
	case OPT_TOP:
		if (parse_count(val, which == OPT_TOP ? &f->top : &f->min_count)) {
			cli_error(NULL, "%s needs a positive number", names[which]);
			return -1;
		}
		return 1;
	default:
		return 0;
	}
}

int cli_graph_opt(cli_extract_opts *o, struct ng_filter *f, int argc, char **argv, int *i)
{
	int t = cli_extract_opt(o, argc, argv, i);
	return t ? t : cli_filter_opt(f, argc, argv, i);
}
