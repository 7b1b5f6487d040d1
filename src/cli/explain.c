/* newsgraph explain: the rule writer's dry run, extract --explain; and the
 * text both print from the library's trace. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_print_trace(const ng_trace *t, FILE *out)
{
	for (size_t i = 0; i < ng_trace_count(t); i++) {
		const ng_trace_sentence *s = ng_trace_get(t, i);
		if (fprintf(out, "S%zu%s: %s\n", s->sentence, s->without_appositions ? "'" : "", s->form) < 0)
			return -1;
		for (size_t k = 0; k < s->nrules; k++) {
			const ng_trace_rule *r = &s->rules[k];
			/* A trailing space marks a modality other than asserted, as
			 * explain has always written it. */
			if (fprintf(out, "  %s: %s -%s-> %s%s%s\n", r->rule, r->source, ng_relation_name(r->relation), r->target,
			            r->negated ? " (negated)" : "", r->modality != NG_ASSERTED ? " " : "") < 0)
				return -1;
		}
	}
	return 0;
}

typedef struct xpargs {
	cli_extract_opts o;
	const char *outpath;
} xpargs;

static const cli_opt own_opts[] = {
	{"-o", NULL, "FILE", CLI_STR, offsetof(xpargs, outpath), NULL, "write to FILE (written whole or not at all)",
	 NULL},
	{NULL}};

static const cli_group groups[] = {{own_opts, 0},
                                   {cli_article_opts, offsetof(xpargs, o)},
                                   {cli_lexicon_opts, offsetof(xpargs, o)},
                                   {cli_rules_opts, offsetof(xpargs, o)},
                                   {NULL, 0}};

const cli_spec cli_explain_spec = {
	"explain", "show each sentence's placeholder form and the rules that fired",
	"[FILE...]",
	"The rule writer's dry run (extract --explain). For each sentence prints\n"
	"S<n>: the sentence with entity mentions as <type#mention> placeholders,\n"
	"then one line per rule that fired:\n"
	"  rule-id: source -relation-> target\n",
	groups};

/* Checks the arguments against explain's own options, then runs extract
 * --explain with them. */
int cmd_explain(int argc, char **argv)
{
	xpargs x = {0};
	const char **files = NULL;
	size_t nfiles = 0;
	int p = cli_parse(&cli_explain_spec, argc, argv, &x, &files, &nfiles);
	cli_extract_opts_free(&x.o);
	free((void *)files);
	if (p)
		return p == 1 ? 0 : 2;
	char **args = calloc((size_t)argc + 2, sizeof *args);
	if (!args)
		return cli_error(NULL, "out of memory");
	int n = 0;
	args[n++] = "extract";
	args[n++] = "--explain";
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	int rc = cmd_extract(n, args);
	free(args);
	return rc;
}
