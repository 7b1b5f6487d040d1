/* newsgraph: the command-line tool. A table of subcommands; each parses its
 * own options and calls the library. */
#include <string.h>

#include "cli/cli.h"

const ng_command ng_commands[] = {
	{"extract", "extract a knowledge graph from articles",
	 "newsgraph extract [-f FORMAT] [-o FILE] [--date YYYY-MM-DD] [--id ID] [-j N] [--quiet]\n"
	 "                  [--lexicon FILE]... [--rules FILE]... [--explain] [FILE...]\n"
	 "       newsgraph extract --jsonl [--keep-going] [-j N] [-o FILE] [FILE...]",
	 cmd_extract},
	{"entities", "list every entity mention with byte offsets",
	 "newsgraph entities [-f tsv|json] [--lexicon FILE]... [FILE...]", cmd_entities},
	{"explain", "show each sentence's placeholder form and the rules that fired",
	 "newsgraph explain [--lexicon FILE]... [--rules FILE]... [FILE...]", cmd_explain},
	{"merge", "merge graphs by identity, keeping provenance",
	 "newsgraph merge [-f FORMAT] [-o FILE] [--jsonl] [--types T,..] [--relations R,..] [--min-count N]\n"
	 "                [--top N] GRAPH...",
	 cmd_merge},
	{"diff", "compare two graphs or articles",
	 "newsgraph diff [-f text|json|dot|FORMAT] [-o FILE|DIR] [--ignore evidence,counts,dates,confidence] A B",
	 cmd_diff},
	{"render", "draw a graph or an article as SVG, PNG or PDF",
	 "newsgraph render -f svg|png|pdf [-K ENGINE] [--types T,..] [--relations R,..] [--min-count N] [--top N] -o FILE GRAPH|ARTICLE",
	 cmd_render},
	{"eval", "score a graph against a gold graph", "newsgraph eval [--verbose] GOLD PRED", cmd_eval},
	{"schema", "print the vocabulary of graphs: types, relations, modalities", "newsgraph schema [-f text|json]",
	 cmd_schema},
	{NULL, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fprintf(f, "usage: newsgraph COMMAND [OPTIONS] [FILE...]\n\n"
	           "Turns English news articles into a knowledge graph.\n\ncommands:\n");
	for (const ng_command *c = ng_commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
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
	for (const ng_command *c = ng_commands; c->name; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->run(argc - 1, argv + 1);
	return cli_error(NULL, "unknown command '%s' (try newsgraph --help)", argv[1]);
}
