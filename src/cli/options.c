/* The option parser and the help text, both from the option tables. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

/* Does argument `a` name option `o`? Sets *inline_val for --name=value. */
static int names(const cli_opt *o, const char *a, const char **inline_val)
{
	const char *spell[2] = {o->name, o->alias};
	for (int k = 0; k < 2; k++) {
		size_t l = spell[k] ? strlen(spell[k]) : 0;
		if (!l || strncmp(a, spell[k], l))
			continue;
		if (!a[l]) {
			*inline_val = NULL;
			return 1;
		}
		if (a[l] == '=' && o->arg && a[1] == '-') {
			*inline_val = a + l + 1;
			return 1;
		}
		if (l == 2 && o->arg) { /* a short option's value attached: -Ksfdp */
			*inline_val = a + 2;
			return 1;
		}
	}
	return 0;
}

static const cli_opt *find(const cli_spec *s, const char *a, const char **val, size_t *offset)
{
	for (const cli_group *g = s->groups; g->opts; g++)
		for (const cli_opt *o = g->opts; o->name; o++)
			if (names(o, a, val)) {
				*offset = g->offset;
				return o;
			}
	return NULL;
}

static int store(const cli_opt *o, void *group, const char *val)
{
	char *field = (char *)group + o->field;
	switch (o->kind) {
	case CLI_FLAG:
		*(int *)field = 1;
		return 0;
	case CLI_STR:
		*(const char **)field = val;
		return 0;
	case CLI_LIST: {
		cli_list *l = (cli_list *)field;
		const char **v = realloc(l->v, (l->n + 1) * sizeof *v);
		if (!v)
			return cli_error(NULL, "out of memory");
		l->v = v;
		l->v[l->n++] = val;
		return 0;
	}
	case CLI_SET:
		return o->set(group, val);
	}
	return 2;
}

int cli_parse(const cli_spec *s, int argc, char **argv, void *settings, const char ***operands,
              size_t *noperands)
{
	const char **ops = calloc((size_t)argc + 1, sizeof *ops);
	size_t n = 0;
	int opts = 1, rc = 0;
	if (!ops)
		return cli_error(NULL, "out of memory");
	for (int i = 1; i < argc && !rc; i++) {
		const char *a = argv[i], *val = NULL;
		size_t off = 0;
		const cli_opt *o;
		if (!opts || a[0] != '-' || !a[1])
			ops[n++] = a;
		else if (!strcmp(a, "--"))
			opts = 0;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			cli_help(s, stdout);
			rc = 1;
		} else if (!(o = find(s, a, &val, &off)))
			rc = cli_error(NULL, "unknown option '%s' (try newsgraph %s --help)", a, s->name);
		else if (o->arg && !val && i + 1 >= argc)
			rc = cli_error(NULL, "option %s needs a value", o->name);
		else
			rc = store(o, (char *)settings + off, o->arg && !val ? argv[++i] : val);
	}
	if (rc) {
		free(ops);
		return rc;
	}
	*operands = ops;
	*noperands = n;
	return 0;
}

static void usage_opts(const cli_spec *s, FILE *f, size_t indent)
{
	size_t col = indent;
	for (const cli_group *g = s->groups; g->opts; g++)
		for (const cli_opt *o = g->opts; o->name; o++) {
			size_t w = strlen(o->name) + (o->arg ? strlen(o->arg) + 1 : 0) + 3 + (o->kind == CLI_LIST ? 3 : 0);
			if (col + w > 79) {
				fprintf(f, "\n%*s", (int)indent, "");
				col = indent;
			}
			fprintf(f, " [%s%s%s]%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "",
			        o->kind == CLI_LIST ? "..." : "");
			col += w;
		}
	fprintf(f, "%s%s\n", *s->operands ? " " : "", s->operands);
}

void cli_usage(const cli_spec *s, FILE *f)
{
	int indent = fprintf(f, "usage: newsgraph %s", s->name);
	usage_opts(s, f, indent > 0 ? (size_t)indent : 0);
}

void cli_help(const cli_spec *s, FILE *f)
{
	cli_usage(s, f);
	fprintf(f, "\n%s", s->description);
	int first = 1;
	for (const cli_group *g = s->groups; g->opts; g++)
		for (const cli_opt *o = g->opts; o->name; o++) {
			if (first)
				fputc('\n', f);
			first = 0;
			char left[40];
			snprintf(left, sizeof left, "%s%s%s%s%s", o->name, o->alias ? ", " : "", o->alias ? o->alias : "",
			         o->arg ? " " : "", o->arg ? o->arg : "");
			fprintf(f, "  %-18s ", left);
			for (const char *h = o->help; *h; h++) {
				fputc(*h, f);
				if (*h == '\n')
					fprintf(f, "%21s", "");
			}
			fputc('\n', f);
			if (o->more)
				o->more(f);
		}
}

void cli_list_free(cli_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
