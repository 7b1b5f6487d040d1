/* newsgraph explain: the rule writer's dry run, extract --explain with
 * explain's own options and help. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

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
	"then one line per mention that a coreference pass linked:\n"
	"  #mention text -> node[, node] (pass[, through #antecedent])\n"
	"and one line per rule that fired:\n"
	"  rule-id: source -relation-> target [(negated)] [(modality, unless asserted)]\n",
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
