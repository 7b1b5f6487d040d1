/* CLI helpers: messages, reading input, all-or-nothing output, options
 * shared by the commands that extract. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int cli_error(const char *file, const char *fmt, ...)
{
	va_list ap;
	fputs("newsgraph: ", stderr);
	if (file)
		fprintf(stderr, "%s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int cli_lib_error(const ng_error *err, const char *fallback)
{
	const char *file = err->file[0] ? err->file : fallback;
	if (file && err->line)
		fprintf(stderr, "newsgraph: %s:%d: %s\n", file, err->line, err->message);
	else
		return cli_error(file, "%s", err->message[0] ? err->message : "failed");
	return 2;
}

/* Largest input read: bigger files are refused rather than half-read. */
#define CLI_MAX_INPUT ((size_t)1 << 30)

int cli_open(const char *path, const char **name, FILE **f)
{
	int std = strcmp(path, "-") == 0;
	*name = std ? "<stdin>" : path;
	*f = std ? stdin : fopen(path, "rb");
	if (!*f)
		return cli_error(*name, "cannot open: %s", strerror(errno));
	struct stat st;
	if (fstat(fileno(*f), &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_close(*f);
		*f = NULL;
		return cli_error(*name, "is a directory, not a file");
	}
	return 0;
}

void cli_stdin_hint(const char *command, const char *what)
{
	/* Otherwise a user who forgot the file waits on a silent prompt. */
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "newsgraph: reading %s from the terminal; end with Ctrl-D (files: newsgraph %s FILE...)\n",
		        what, command);
}

void cli_close(FILE *f)
{
	if (f && f != stdin)
		fclose(f);
}

int cli_buf_add(cli_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return cli_error(NULL, "out of memory");
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
	return 0;
}

int cli_read(const char *path, char **data, size_t *len)
{
	const char *name;
	FILE *f;
	if (cli_open(path, &name, &f))
		return 2;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (n < cap) {
			if (ferror(f)) {
				free(buf);
				cli_close(f);
				return cli_error(name, "cannot read: %s", strerror(errno));
			}
			break;
		}
		if (cap >= CLI_MAX_INPUT) {
			free(buf);
			cli_close(f);
			return cli_error(name, "larger than 1 GiB: refused");
		}
		cap *= 2;
		char *nb = realloc(buf, cap + 1);
		if (!nb)
			free(buf);
		buf = nb;
	}
	cli_close(f);
	if (!buf)
		return cli_error(name, "out of memory");
	buf[n] = 0;
	*data = buf;
	*len = n;
	return 0;
}

/* Where output to `path` really goes: through symlinks to the file they
 * name, so that the link stays and its target is replaced. Sets *st when
 * the target exists (st->st_mode 0 when it does not). */
static char *resolve_target(const char *path, struct stat *st)
{
	char *target = strdup(path);
	memset(st, 0, sizeof *st);
	for (int hops = 0; target && hops < 40; hops++) {
		struct stat lst;
		if (lstat(target, &lst) != 0)
			return target;
		if (!S_ISLNK(lst.st_mode)) {
			*st = lst;
			return target;
		}
		char link[4096];
		ssize_t n = readlink(target, link, sizeof link - 1);
		if (n < 0)
			break;
		link[n] = 0;
		/* A relative link is relative to the directory holding it. */
		const char *slash = strrchr(target, '/');
		size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - target) + 1;
		char *next = malloc(dir + (size_t)n + 1);
		if (next) {
			memcpy(next, target, dir);
			memcpy(next + dir, link, (size_t)n + 1);
		}
		free(target);
		target = next;
	}
	free(target);
	return NULL;
}

static int out_open(cli_out *o, const char *path, int stream)
{
	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		/* Held in memory and written at commit, so that a failure leaves
		 * nothing half-written on stdout either; streams go straight out. */
		o->f = stream ? stdout : open_memstream(&o->mem, &o->memlen);
		return o->f ? 0 : cli_error("<stdout>", "out of memory");
	}
	struct stat st;
	o->path = resolve_target(path, &st);
	if (!o->path)
		return cli_error(path, "cannot write: too many levels of symbolic links");
	if (S_ISDIR(st.st_mode)) {
		cli_out_abort(o);
		return cli_error(path, "is a directory, not a file");
	}
	if (st.st_mode && !S_ISREG(st.st_mode)) {
		/* A device, FIFO or socket is written in place, never replaced:
		 * held in memory like stdout, so it still gets all or nothing. */
		o->direct = 1;
		o->f = open_memstream(&o->mem, &o->memlen);
		return o->f ? 0 : cli_error(path, "out of memory");
	}
	if (st.st_mode && access(o->path, W_OK) != 0) {
		int e = errno;
		cli_out_abort(o);
		return cli_error(path, "cannot write: %s", strerror(e));
	}
	o->mode = st.st_mode & 07777;
	size_t l = strlen(o->path);
	o->tmp = malloc(l + 32);
	if (!o->tmp)
		return cli_error(path, "out of memory");
	snprintf(o->tmp, l + 32, "%s.tmp.%ld", o->path, (long)getpid());
	o->f = fopen(o->tmp, "wb");
	if (!o->f) {
		int e = errno;
		cli_out_abort(o);
		return cli_error(path, "cannot write: %s", strerror(e));
	}
	return 0;
}

/* Writes the held output to a device, FIFO or socket, opened only now. */
static int commit_direct(cli_out *o)
{
	FILE *f = fopen(o->path, "wb");
	int e = f ? 0 : errno;
	if (f && (fwrite(o->mem, 1, o->memlen, f) != o->memlen || fclose(f) != 0))
		e = errno ? errno : EIO;
	int r = e ? cli_error(o->path, "cannot write: %s", strerror(e)) : 0;
	cli_out_abort(o);
	return r;
}

int cli_out_open(cli_out *o, const char *path)
{
	return out_open(o, path, 0);
}

int cli_out_open_stream(cli_out *o, const char *path)
{
	return out_open(o, path, 1);
}

int cli_out_commit(cli_out *o)
{
	if (o->f == stdout) {
		o->f = NULL;
		if (fflush(stdout) != 0)
			return cli_error("<stdout>", "write failed: %s", strerror(errno));
		return 0;
	}
	if (!o->path || o->direct) {
		int bad = ferror(o->f) | fclose(o->f);
		o->f = NULL;
		if (bad)
			return cli_error(o->path ? o->path : "<stdout>", "out of memory");
		if (o->direct)
			return commit_direct(o);
		int r = fwrite(o->mem, 1, o->memlen, stdout) != o->memlen || fflush(stdout) != 0
		                ? cli_error("<stdout>", "write failed: %s", strerror(errno))
		                : 0;
		free(o->mem);
		memset(o, 0, sizeof *o);
		return r;
	}
	int bad = ferror(o->f) | fclose(o->f);
	o->f = NULL;
	/* An existing file keeps its permissions. */
	if (!bad && o->mode && chmod(o->tmp, o->mode) != 0)
		bad = 1;
	if (bad || rename(o->tmp, o->path) != 0) {
		int e = errno;
		remove(o->tmp);
		int r = cli_error(o->path, "cannot write: %s", strerror(e));
		cli_out_abort(o);
		return r;
	}
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
	return 0;
}

void cli_out_abort(cli_out *o)
{
	if (o->f && o->f != stdout) {
		fclose(o->f);
		if (o->tmp)
			remove(o->tmp);
	}
	free(o->mem);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof *o);
}

int cli_extractor(const cli_extract_opts *o, ng_extractor **ex)
{
	ng_error err = NG_ERROR_INIT;
	if (ng_extractor_new(ex, &err))
		return cli_lib_error(&err, NULL);
	for (size_t i = 0; i < o->lexicons.n + o->rules.n; i++) {
		int lex = i < o->lexicons.n;
		const char *path = lex ? o->lexicons.v[i] : o->rules.v[i - o->lexicons.n];
		char *data;
		size_t len;
		if (cli_read(path, &data, &len)) {
			ng_extractor_free(*ex);
			*ex = NULL;
			return 2;
		}
		int rc = lex ? ng_extractor_add_lexicon(*ex, path, data, len, &err)
		             : ng_extractor_add_rules(*ex, path, data, len, &err);
		free(data);
		if (rc) {
			ng_extractor_free(*ex);
			*ex = NULL;
			return cli_lib_error(&err, path);
		}
	}
	return 0;
}

const char *cli_article_id(const cli_extract_opts *o, const char *path)
{
	if (o->id)
		return o->id;
	if (strcmp(path, "-") == 0)
		return "stdin";
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}
