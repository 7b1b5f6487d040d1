/* newsgraph eval: scores a predicted graph (newsgraph JSON) against a gold
 * graph, the way ../shared/tools/score.py does (score.c), and prints the
 * figures. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/score.h"

static void help(void)
{
	printf("usage: newsgraph eval [--verbose] GOLD PRED\n\n"
	       "Scores PRED, a graph written by newsgraph extract -f json, against GOLD, a\n"
	       "gold graph (*.gold.json): precision, recall and F1 for nodes and edges,\n"
	       "per type, then overall on the last line.\n\n"
	       "  --verbose   first list each missed_node, false_node, missed_edge and\n"
	       "              false_edge\n");
}

int cmd_eval(int argc, char **argv)
{
	const char *files[2] = {NULL, NULL};
	int nfiles = 0, verbose = 0, opts = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (opts && strcmp(a, "--") == 0)
			opts = 0;
		else if (opts && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
			help();
			return 0;
		} else if (opts && strcmp(a, "--verbose") == 0)
			verbose = 1;
		else if (opts && a[0] == '-' && a[1])
			return cli_error(NULL, "unknown option '%s' (try newsgraph eval --help)", a);
		else if (nfiles++ < 2)
			files[nfiles - 1] = a;
	}
	if (nfiles != 2)
		return cli_error(NULL, "eval needs GOLD and PRED (try newsgraph eval --help)");
	if (strcmp(files[0], "-") == 0 && strcmp(files[1], "-") == 0)
		return cli_error(NULL, "only one of GOLD and PRED can be standard input");
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
	return rc;
}
