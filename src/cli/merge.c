/* newsgraph merge (being written). */
#include "cli.h"

int cmd_merge(int argc, char **argv)
{
	(void)argc, (void)argv;
	return cli_error(NULL, "merge is not built yet");
}
