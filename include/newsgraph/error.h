#ifndef NEWSGRAPH_ERROR_H
#define NEWSGRAPH_ERROR_H

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes returned by every fallible function (0 is success). */
enum {
	NG_OK = 0,
	NG_EINVAL = -1, /* bad input: text, data file, rule, option */
	NG_ENOMEM = -2, /* out of memory */
	NG_EIO = -3,    /* reading or writing failed */
	NG_ELIMIT = -4  /* an input exceeds a documented limit */
};

/* Filled by a failing call. `file` and `line` name the input at fault when
 * there is one (line 0: no line). */
typedef struct ng_error {
	int code;
	int line;
	char file[256];
	char message[256];
} ng_error;

#define NG_ERROR_INIT {0, 0, {0}, {0}}

#ifdef __cplusplus
}
#endif

#endif
