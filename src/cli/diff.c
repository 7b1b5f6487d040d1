/* newsgraph diff (being written). */
#include "cli.h"

int cmd_diff(int argc, char **argv)
{
	(void)argc, (void)argv;
	return cli_error(NULL, "diff is not built yet");
}
