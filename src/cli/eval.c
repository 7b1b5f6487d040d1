/* newsgraph eval: scores a predicted graph (newsgraph JSON) against a gold
 * graph, the way the development scorer score.py does (score.c), and
 * prints the figures. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "score.h"

static const cli_opt own_opts[] = {
	{"--verbose", NULL, NULL, CLI_FLAG, 0, NULL,
	 "first list each missed_node, false_node, missed_edge and\nfalse_edge", NULL},
	{NULL}};

static const cli_group groups[] = {{own_opts, 0}, {NULL, 0}};

const cli_spec cli_eval_spec = {
	"eval", "score a graph against a gold graph",
	"GOLD PRED",
	"Scores PRED, a graph written by newsgraph extract -f json, against GOLD, a\n"
	"gold graph (*.gold.json): precision, recall and F1 for nodes and edges,\n"
	"per type, then overall on the last line.\n",
	groups};

int cmd_eval(int argc, char **argv)
{
	int verbose = 0;
	const char **files = NULL;
	size_t nfiles = 0;
	int p = cli_parse(&cli_eval_spec, argc, argv, &verbose, &files, &nfiles);
	if (p)
		return p == 1 ? 0 : 2;
	if (nfiles != 2) {
		free((void *)files);
		return cli_error(NULL, "eval needs GOLD and PRED (try newsgraph eval --help)");
	}
	if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0) {
		free((void *)files);
		return cli_error(NULL, "only one of GOLD and PRED can be standard input");
	}
	char *data[2] = {NULL, NULL};
	size_t len[2];
	const char *names[2];
	int rc = 0;
	for (int k = 0; k < 2 && !rc; k++) {
		names[k] = strcmp(files[k], "-") == 0 ? "<stdin>" : files[k];
		rc = cli_read(files[k], &data[k], &len[k]);
	}
	char *report = NULL;
	size_t n = 0;
	if (!rc)
		rc = cli_score(data[0], len[0], names[0], data[1], len[1], names[1], verbose, &report, &n);
	if (!rc && (fwrite(report, 1, n, stdout) != n || fflush(stdout)))
		rc = cli_error("<stdout>", "write failed: %s", strerror(errno));
	free(report);
	free(data[0]);
	free(data[1]);
	free((void *)files);
	return rc;
}
