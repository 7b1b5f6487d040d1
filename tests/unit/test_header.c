/* The public header compiles on its own, pedantic C11. */
#include "newsgraph.h"

int ng_header_test(void);
int ng_header_test(void)
{
	return NG_OK;
}
