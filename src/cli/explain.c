/* newsgraph explain: the rule writer's dry run, extract --explain; and the
 * text both print from the library's trace. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

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

int cmd_explain(int argc, char **argv)
{
	char **args = calloc((size_t)argc + 2, sizeof *args);
	if (!args)
		return cli_error(NULL, "out of memory");
	int n = 0;
	args[n++] = "extract";
	args[n++] = "--explain";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf("usage: %s\n\nFor each sentence prints S<n>: the sentence with entity mentions\n"
			       "as <type#mention> placeholders, then one line per rule that fired:\n"
			       "  rule-id: source -relation-> target\n",
			       ng_commands[2].usage);
			free(args);
			return 0;
		}
		args[n++] = argv[i];
	}
	int rc = cmd_extract(n, args);
	free(args);
	return rc;
}
