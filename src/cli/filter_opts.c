/* Filter options shared by extract, merge and render (placeholder). */
#include "cli.h"
#include "filter.h"

int cli_filter_opt(struct ng_filter *f, int argc, char **argv, int *i)
{
	(void)f, (void)argc, (void)argv, (void)i;
	return 0;
}
