/* newsgraph explain: the rule writer's dry run, extract --explain. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

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
