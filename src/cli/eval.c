/* newsgraph eval (placeholder until written). */
#include "cli.h"

int cmd_eval(int argc, char **argv)
{
	(void)argc, (void)argv;
	return cli_error(NULL, "eval is not built yet");
}
