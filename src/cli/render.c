/* newsgraph render (placeholder until written). */
#include "cli.h"

int cmd_render(int argc, char **argv)
{
	(void)argc, (void)argv;
	return cli_error(NULL, "render is not built yet");
}
