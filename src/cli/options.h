/* Declarative options: each command lists its options in tables (shared
 * groups such as the extract and filter options, then its own), and one
 * parser, the usage line and the --help text all come from them. */
#ifndef NG_CLI_OPTIONS_H
#define NG_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

typedef enum cli_opt_kind {
	CLI_FLAG, /* int field set to 1 */
	CLI_STR,  /* const char * field, the value as given */
	CLI_LIST, /* cli_list field: the option may be repeated */
	CLI_SET   /* the `set` callback checks and stores the value */
} cli_opt_kind;

typedef struct cli_list {
	const char **v;
	size_t n;
} cli_list;

typedef struct cli_opt {
	const char *name;  /* "--date", "-f" */
	const char *alias; /* another spelling ("-q" for --quiet), or NULL */
	const char *arg;   /* the value's placeholder ("DATE"); NULL for a flag */
	cli_opt_kind kind;
	size_t field; /* offsetof the field in the group's struct */
	/* CLI_SET: stores `value` into the group's struct; 0, or prints and 2. */
	int (*set)(void *group, const char *value);
	const char *help; /* one line; '\n' continues it on the next */
	void (*more)(FILE *f); /* extra help lines (a list of formats), or NULL */
} cli_opt;

/* A table of options (ended by a NULL name) and where its struct lies in
 * the command's settings. */
typedef struct cli_group {
	const cli_opt *opts;
	size_t offset;
} cli_group;

typedef struct cli_spec {
	const char *name;        /* "extract" */
	const char *summary;     /* one line for newsgraph --help */
	const char *operands;    /* "[FILE...]" */
	const char *description; /* paragraphs after the usage line */
	const cli_group *groups; /* ended by a NULL opts */
} cli_spec;

/* Parses argv[1..] into `settings` and collects the operands ("-" is an
 * operand; "--" ends the options) into a NULL-terminated array the caller
 * frees. Returns 0; 1 after printing --help; 2 after printing an error. */
int cli_parse(const cli_spec *s, int argc, char **argv, void *settings, const char ***operands,
              size_t *noperands);

/* The usage line and the option list, as --help prints them. */
void cli_help(const cli_spec *s, FILE *f);
void cli_usage(const cli_spec *s, FILE *f);

void cli_list_free(cli_list *l);

#endif
