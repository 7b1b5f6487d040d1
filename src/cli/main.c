/* newsgraph: the command-line tool. A table of subcommands; each declares
 * its options (options.h) and calls the library. */
#include <string.h>

#include "cli.h"

static const cli_command commands[] = {
	{&cli_extract_spec, cmd_extract}, {&cli_entities_spec, cmd_entities}, {&cli_explain_spec, cmd_explain},
	{&cli_merge_spec, cmd_merge},     {&cli_diff_spec, cmd_diff},         {&cli_render_spec, cmd_render},
	{&cli_eval_spec, cmd_eval},       {&cli_schema_spec, cmd_schema},     {&cli_parse_spec, cmd_parse},
	{NULL, NULL},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: newsgraph COMMAND [OPTIONS] [FILE...]\n\n"
	           "Turns English news articles into a knowledge graph.\n\ncommands:\n");
	for (const cli_command *c = commands; c->spec; c++)
		fprintf(f, "  %-10s %s\n", c->spec->name, c->spec->summary);
	fprintf(f, "\nnewsgraph COMMAND --help shows a command's options; newsgraph --version its version.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("newsgraph %s\n", NG_VERSION);
		return 0;
	}
	for (const cli_command *c = commands; c->spec; c++)
		if (strcmp(argv[1], c->spec->name) == 0)
			return c->run(argc - 1, argv + 1);
	return cli_error(NULL, "unknown command '%s' (try newsgraph --help)", argv[1]);
}
