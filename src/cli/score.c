/* newsgraph eval's scoring: a predicted graph against a gold graph. Input:
 * a gold graph (the *.gold.json format the README describes) and a
 * newsgraph JSON graph, both read here with cJSON. Output: the report,
 * precision, recall and F1 for nodes and edges, per type and overall,
 * optionally preceded by every miss and false positive.
 *
 * The reference is the development scorer, score.py: every rule here (name
 * normalization, first-best node matching, duplicates as false positives,
 * edge alternatives and symmetric types, required vs optional) copies it,
 * so that both print the same figures to three decimals. Where score.py
 * would crash or silently accept a malformed file, this refuses it. So the
 * UTF-8 and case handling below follows Python, not the library's text
 * layer (which folds more punctuation, lowers U+0130 to one letter and
 * refuses control bytes). */
#include <cjson/cJSON.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "score.h"

/* Deepest JSON nesting accepted, as the graph readers (cJSON itself would
 * recurse to 1000). */
#define MAX_DEPTH 64

/* Print the error and give 2, the CLI's way. */
#define BAD(...) cli_error(name, __VA_ARGS__)
#define NOMEM() cli_error(NULL, "out of memory")

/* A set of normalized names: sorted, unique, no empty string. */
typedef struct names {
	char **v;
	size_t n, cap;
} names;

/* A map from string to index + 1 (0: absent). The keys are borrowed from
 * the parsed JSON, which outlives the map. Open addressing, FNV-1a. */
typedef struct smap {
	const char **keys;
	size_t *vals;
	size_t n, cap; /* cap: 0 or a power of two */
} smap;

static size_t smap_slot(const smap *m, const char *key)
{
	uint64_t h = 14695981039346656037u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	size_t i = (size_t)h & (m->cap - 1);
	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static size_t smap_get(const smap *m, const char *key)
{
	return m->cap ? m->vals[smap_slot(m, key)] : 0;
}

/* The value of key, inserted as 0 when absent; NULL when out of memory. */
static size_t *smap_put(smap *m, const char *key)
{
	if (2 * (m->n + 1) > m->cap) {
		smap big = {calloc(m->cap ? 2 * m->cap : 16, sizeof *big.keys), NULL, m->n, m->cap ? 2 * m->cap : 16};
		big.vals = calloc(big.cap, sizeof *big.vals);
		if (!big.keys || !big.vals) {
			free(big.keys);
			free(big.vals);
			return NULL;
		}
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i]) {
				size_t k = smap_slot(&big, m->keys[i]);
				big.keys[k] = m->keys[i];
				big.vals[k] = m->vals[i];
			}
		free(m->keys);
		free(m->vals);
		*m = big;
	}
	size_t i = smap_slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	return &m->vals[i];
}

static void smap_free(smap *m)
{
	free(m->keys);
	free(m->vals);
}

/* Room for element n of *arr (element size `size`): 0, or NG_ENOMEM. */
static int reserve(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? 2 * *cap : 8;
	void *p = realloc(*arr, c * size);
	if (!p)
		return NG_ENOMEM;
	*arr = p;
	*cap = c;
	return 0;
}

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct gnode {
	const char *key, *type;
	names names;
	int contains, required, found;
} gnode;

typedef struct gedge {
	const cJSON *src, *type, *tgt; /* as written, for missed_edge lines */
	size_t *s, *t;                 /* endpoint alternatives: gold node indexes */
	size_t ns, nt;
	const char **types;
	size_t ntypes;
	int required, matched;
} gedge;

typedef struct pnode {
	const char *id, *type;
	names names;
	int unmatched, dup;
	size_t dup_of;
} pnode;

typedef struct pedge {
	const char *src, *type, *tgt;
	int hit;
} pedge;

typedef struct eval {
	cJSON *groot, *proot;
	gnode *gn;
	gedge *ge;
	pnode *pn;
	pedge *pe;
	size_t ngn, nge, npn, npe;
	smap keys;    /* gold key -> index + 1 */
	smap mapping; /* predicted node id -> gold index + 1 (score.py's dict) */
} eval;

typedef struct tcount {
	const char *type;
	size_t tp, fp, fn;
} tcount;

typedef struct tcounts {
	tcount *v;
	size_t n, cap;
	smap index; /* type -> index + 1 */
} tcounts;

/* ---- Reading JSON ---- */

/* Checks what cJSON lets through but Python's json refuses (bad UTF-8 and
 * binary input, by the library's one check; raw control characters in
 * strings), and the nesting limit, before cJSON recurses. Returns 0 or
 * fails. */
static int prescan(const char *data, size_t len, const char *name)
{
	ng_error err = NG_ERROR_INIT;
	if (ng_text_check(data, len, name, &err))
		return cli_lib_error(&err, name);
	const unsigned char *s = (const unsigned char *)data;
	int depth = 0, in_str = 0;
	for (size_t i = 0; i < len;) {
		size_t l = 1; /* bytes of a multibyte character are all >= 0x80 */
		unsigned char c = s[i];
		if (in_str) {
			if (c < 0x20)
				return BAD("invalid JSON near byte %zu: a control character in a string", i);
			if (c == '\\' && i + 1 < len && s[i + 1] < 0x80)
				l = 2;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"')
			in_str = 1;
		else if (c == '{' || c == '[') {
			if (++depth > MAX_DEPTH)
				return BAD("JSON nests deeper than %d levels", MAX_DEPTH);
		} else if (c == '}' || c == ']')
			depth--;
		i += l;
	}
	return 0;
}

static int parse(const char *data, size_t len, const char *name, cJSON **out)
{
	*out = NULL;
	/* cJSON skips a byte order mark; Python's json (and so score.py)
	 * refuses it. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		return BAD("invalid JSON near byte 0: a byte order mark (save as UTF-8 without one)");
	int rc = prescan(data, len, name);
	if (rc)
		return rc;
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(data, len, &end, 0);
	size_t at = end && end >= data && end <= data + len ? (size_t)(end - data) : 0;
	if (!root)
		return BAD("invalid JSON near byte %zu", at);
	while (at < len && (data[at] == ' ' || data[at] == '\t' || data[at] == '\n' || data[at] == '\r'))
		at++;
	if (at < len) {
		cJSON_Delete(root);
		return BAD("invalid JSON near byte %zu: text after the end", at);
	}
	*out = root;
	return 0;
}

/* An object's member; the last of equal names, as Python's json keeps. */
static const cJSON *member(const cJSON *o, const char *key)
{
	const cJSON *c, *found = NULL;
	if (!cJSON_IsObject(o))
		return NULL;
	cJSON_ArrayForEach(c, o) if (c->string && strcmp(c->string, key) == 0) found = c;
	return found;
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = member(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ---- Name normalization (score.py's norm) ---- */

/* Python's str.isspace(), which both strip() and \s follow. */
static int is_space(uint32_t c)
{
	return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	       c == 0x3000;
}

/* Decodes the code point at s[*i] of valid UTF-8 (cJSON's strings from
 * checked input are; a stray byte stands for itself) and moves *i past it. */
static uint32_t next_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s + *i;
	size_t l = u[0] >= 0xf0 ? 4 : u[0] >= 0xe0 ? 3 : u[0] >= 0xc0 ? 2 : 1;
	for (size_t k = 1; k < l; k++)
		if (*i + k >= n || (u[k] & 0xc0) != 0x80)
			l = 1;
	uint32_t c = u[0];
	if (l == 2)
		c = (c & 0x1fu) << 6 | (u[1] & 0x3fu);
	else if (l == 3)
		c = (c & 0x0fu) << 12 | (u[1] & 0x3fu) << 6 | (u[2] & 0x3fu);
	else if (l == 4)
		c = (c & 0x07u) << 18 | (u[1] & 0x3fu) << 12 | (u[2] & 0x3fu) << 6 | (u[3] & 0x3fu);
	*i += l;
	return c;
}

/* Decodes s into out (room for strlen(s) code points); returns how many. */
static size_t decode(const char *s, uint32_t *out)
{
	size_t n = strlen(s), k = 0;
	for (size_t i = 0; i < n;)
		out[k++] = next_cp(s, n, &i);
	return k;
}

static size_t encode(uint32_t c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3f));
	o[2] = (char)(0x80 | (c >> 6 & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* Python's lower() for ASCII and the Latin, Greek and Cyrillic capitals
 * names in news use; other scripts pass unchanged. Returns code points
 * written (2 for U+0130, which lowers to i + combining dot). */
static size_t lower(uint32_t c, uint32_t o[2])
{
	o[0] = c;
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3ab && c != 0x3a2) ||
	    (c >= 0x410 && c <= 0x42f))
		o[0] = c + 0x20;
	else if (c >= 0x400 && c <= 0x40f)
		o[0] = c + 0x50;
	else if (c == 0x130) {
		o[0] = 'i';
		o[1] = 0x307;
		return 2;
	} else if (c == 0x178)
		o[0] = 0xff;
	else if ((c >= 0x100 && c <= 0x137 && c != 0x130 && c != 0x131 && c % 2 == 0) ||
	         (c >= 0x14a && c <= 0x177 && c % 2 == 0) || (c >= 0x139 && c <= 0x148 && c % 2 == 1) ||
	         (c >= 0x179 && c <= 0x17e && c % 2 == 1))
		o[0] = c + 1;
	return 1;
}

/* score.py's norm: curly quotes made straight, surrounding whitespace and
 * double quotes stripped, a trailing 's or s' dropped, a leading "the"
 * dropped, whitespace collapsed, lower-cased. (NFKC is left out: it only
 * changes characters news names do not use, and every whitespace
 * character it folds is whitespace here already.) *out is malloc'd. */
static int norm(const char *s, char **out)
{
	size_t n = strlen(s);
	uint32_t *a = malloc((n + 1) * sizeof *a);
	char *o = malloc(n * 3 + 1); /* lowering at most grows 2 bytes into 3 */
	if (!a || !o) {
		free(a);
		free(o);
		return NG_ENOMEM;
	}
	size_t e = decode(s, a), b = 0;
	for (size_t i = 0; i < e; i++) {
		if (a[i] == 0x2018 || a[i] == 0x2019)
			a[i] = '\'';
		else if (a[i] == 0x201c || a[i] == 0x201d)
			a[i] = '"';
	}
	while (b < e && is_space(a[b]))
		b++;
	while (e > b && is_space(a[e - 1]))
		e--;
	while (b < e && a[b] == '"')
		b++;
	while (e > b && a[e - 1] == '"')
		e--;
	while (b < e && is_space(a[b]))
		b++;
	while (e > b && is_space(a[e - 1]))
		e--;
	if (e - b >= 2 && ((a[e - 2] == '\'' && a[e - 1] == 's') || (a[e - 2] == 's' && a[e - 1] == '\'')))
		e -= 2;
	if (e - b >= 4 && (a[b] | 0x20) == 't' && (a[b + 1] | 0x20) == 'h' && (a[b + 2] | 0x20) == 'e' &&
	    is_space(a[b + 3])) {
		b += 3;
		while (b < e && is_space(a[b]))
			b++;
	}
	size_t k = 0;
	for (size_t i = b; i < e; i++) {
		if (is_space(a[i])) {
			/* One space per run; none at either end (the final strip). */
			while (i + 1 < e && is_space(a[i + 1]))
				i++;
			if (k && i + 1 < e)
				o[k++] = ' ';
			continue;
		}
		uint32_t l[2];
		size_t m = lower(a[i], l);
		for (size_t j = 0; j < m; j++)
			k += encode(l[j], o + k);
	}
	o[k] = 0;
	free(a);
	*out = o;
	return 0;
}

static int add_name(names *ns, const char *s)
{
	char *v;
	if (norm(s, &v))
		return NG_ENOMEM;
	if (!v[0]) {
		free(v);
		return 0;
	}
	if (reserve((void **)&ns->v, &ns->cap, ns->n, sizeof *ns->v)) {
		free(v);
		return NG_ENOMEM;
	}
	ns->v[ns->n++] = v;
	return 0;
}

/* Sorts and drops repeats: score.py keeps names in sets. */
static void names_finish(names *ns)
{
	if (ns->n > 1)
		qsort(ns->v, ns->n, sizeof *ns->v, cmpstr);
	size_t k = 0;
	for (size_t i = 0; i < ns->n; i++) {
		if (k && strcmp(ns->v[k - 1], ns->v[i]) == 0)
			free(ns->v[i]);
		else
			ns->v[k++] = ns->v[i];
	}
	ns->n = k;
}

static int names_has(const names *ns, const char *s)
{
	return ns->n && bsearch(&s, ns->v, ns->n, sizeof *ns->v, cmpstr) != NULL;
}

static void names_free(names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

/* ---- The gold graph ---- */

static int level_of(const cJSON *o, int *required)
{
	const char *lv = str(o, "level");
	if (!lv || (strcmp(lv, "required") && strcmp(lv, "optional")))
		return -1;
	*required = strcmp(lv, "required") == 0;
	return 0;
}

static int gold_node(eval *ev, const cJSON *x, size_t i, const char *name)
{
	gnode *g = &ev->gn[ev->ngn];
	const char *key = str(x, "key");
	if (!cJSON_IsObject(x) || !key || !key[0])
		return BAD("not a gold graph: node %zu has no string 'key'", i);
	g->key = key;
	g->type = str(x, "type");
	if (!g->type)
		return BAD("not a gold graph: node '%s' has no string 'type'", key);
	if (level_of(x, &g->required))
		return BAD("not a gold graph: node '%s': 'level' must be \"required\" or \"optional\"", key);
	const cJSON *m = member(x, "match");
	if (m && !cJSON_IsNull(m) &&
	    (!cJSON_IsString(m) || (strcmp(m->valuestring, "contains") && strcmp(m->valuestring, "exact"))))
		return BAD("not a gold graph: node '%s': 'match' must be \"contains\" or \"exact\"", key);
	g->contains = cJSON_IsString(m) && strcmp(m->valuestring, "contains") == 0;
	const cJSON *ns = member(x, "names"), *v;
	if (!cJSON_IsArray(ns) || !ns->child)
		return BAD("not a gold graph: node '%s': 'names' must be a non-empty list of strings", key);
	ev->ngn++; /* from here on g->names is freed with the rest */
	cJSON_ArrayForEach(v, ns)
	{
		if (!cJSON_IsString(v))
			return BAD("not a gold graph: node '%s': 'names' must be a non-empty list of strings", key);
		if (add_name(&g->names, v->valuestring))
			return NOMEM();
	}
	names_finish(&g->names);
	size_t *slot = smap_put(&ev->keys, key);
	if (!slot)
		return NOMEM();
	if (*slot)
		return BAD("not a gold graph: key '%s' appears twice", key);
	*slot = ev->ngn;
	return 0;
}

/* A gold edge field: a string or a non-empty list of strings, into *v
 * (malloc'd; freed by the caller even on failure). Returns 0, NG_EINVAL
 * for another shape, or NG_ENOMEM. */
static int field(const cJSON *f, const char ***v, size_t *n)
{
	size_t cap = cJSON_IsString(f) ? 1 : cJSON_IsArray(f) ? (size_t)cJSON_GetArraySize(f) : 0;
	const cJSON *c;
	*n = 0;
	if (!cap)
		return NG_EINVAL;
	if (!(*v = malloc(cap * sizeof **v)))
		return NG_ENOMEM;
	if (cJSON_IsString(f))
		(*v)[(*n)++] = f->valuestring;
	else
		cJSON_ArrayForEach(c, f) if (cJSON_IsString(c)) (*v)[(*n)++] = c->valuestring;
	return *n == cap ? 0 : NG_EINVAL;
}

/* An endpoint's alternatives as gold node indexes (score.py compares keys;
 * keys being unique, that is the same). */
static int endpoints(eval *ev, const cJSON *x, const char *what, size_t i, size_t **idx, size_t *n, const char *name)
{
	const char **v = NULL;
	int rc = field(member(x, what), &v, n);
	if (rc == NG_ENOMEM)
		rc = NOMEM();
	else if (rc)
		rc = BAD("not a gold graph: edge %zu: '%s' must be a key or a non-empty list of keys", i, what);
	else if (!(*idx = malloc(*n * sizeof **idx)))
		rc = NOMEM();
	for (size_t k = 0; k < *n && !rc; k++) {
		size_t g = smap_get(&ev->keys, v[k]);
		if (!g)
			rc = BAD("not a gold graph: edge %zu: %s '%s' is not the key of a node", i, what, v[k]);
		else
			(*idx)[k] = g - 1;
	}
	free((void *)v);
	return rc;
}

static int gold_edge(eval *ev, const cJSON *x, size_t i, const char *name)
{
	gedge *g = &ev->ge[ev->nge++];
	if (!cJSON_IsObject(x))
		return BAD("not a gold graph: edge %zu is not an object", i);
	g->src = member(x, "source");
	g->type = member(x, "type");
	g->tgt = member(x, "target");
	int rc = endpoints(ev, x, "source", i, &g->s, &g->ns, name);
	if (!rc)
		rc = endpoints(ev, x, "target", i, &g->t, &g->nt, name);
	if (rc)
		return rc;
	if ((rc = field(g->type, &g->types, &g->ntypes)) == NG_ENOMEM)
		return NOMEM();
	if (rc)
		return BAD("not a gold graph: edge %zu: 'type' must be a string or a non-empty list of strings", i);
	if (level_of(x, &g->required))
		return BAD("not a gold graph: edge %zu: 'level' must be \"required\" or \"optional\"", i);
	return 0;
}

static int load_gold(eval *ev, const char *name)
{
	const cJSON *root = ev->groot, *nodes = member(root, "nodes"), *edges = member(root, "edges"), *x;
	if (!cJSON_IsObject(root))
		return BAD("not a gold graph: the top level is not an object");
	if (member(root, "newsgraph"))
		return BAD("not a gold graph but a newsgraph graph (GOLD comes first, then PRED)");
	if (!nodes)
		return BAD("not a gold graph: 'nodes' is missing");
	if (!edges)
		return BAD("not a gold graph: 'edges' is missing");
	if (!cJSON_IsArray(nodes) || !cJSON_IsArray(edges))
		return BAD("not a gold graph: 'nodes' and 'edges' must be lists");
	size_t nn = (size_t)cJSON_GetArraySize(nodes), ne = (size_t)cJSON_GetArraySize(edges), i = 0;
	ev->gn = calloc(nn + 1, sizeof *ev->gn);
	ev->ge = calloc(ne + 1, sizeof *ev->ge);
	if (!ev->gn || !ev->ge)
		return NOMEM();
	int rc;
	cJSON_ArrayForEach(x, nodes) if ((rc = gold_node(ev, x, i++, name))) return rc;
	i = 0;
	cJSON_ArrayForEach(x, edges) if ((rc = gold_edge(ev, x, i++, name))) return rc;
	return 0;
}

/* ---- The predicted graph ---- */

static int pred_node(eval *ev, const cJSON *x, size_t i, const char *name)
{
	pnode *p = &ev->pn[ev->npn];
	p->id = str(x, "id");
	p->type = str(x, "type");
	if (!cJSON_IsObject(x) || !p->id || !p->type)
		return BAD("not a newsgraph graph: node %zu needs a string 'id' and 'type'", i);
	ev->npn++;
	const cJSON *nm = member(x, "name"), *al = member(x, "aliases"), *a;
	if (nm && !cJSON_IsNull(nm) && !cJSON_IsString(nm))
		return BAD("not a newsgraph graph: node '%s': 'name' must be a string", p->id);
	if (cJSON_IsString(nm) && add_name(&p->names, nm->valuestring))
		return NOMEM();
	if (al && !cJSON_IsNull(al) && !cJSON_IsArray(al))
		return BAD("not a newsgraph graph: node '%s': 'aliases' must be a list", p->id);
	const cJSON *list = cJSON_IsArray(al) ? al : NULL;
	cJSON_ArrayForEach(a, list)
	{
		/* An alias is a string, or an object whose "text" is one. */
		const cJSON *t = cJSON_IsObject(a) ? member(a, "text") : a;
		if (!cJSON_IsObject(a) && !cJSON_IsString(a))
			return BAD("not a newsgraph graph: node '%s': an alias must be a string or an object", p->id);
		if (t && !cJSON_IsNull(t) && !cJSON_IsString(t))
			return BAD("not a newsgraph graph: node '%s': an alias's 'text' must be a string", p->id);
		if (cJSON_IsString(t) && add_name(&p->names, t->valuestring))
			return NOMEM();
	}
	names_finish(&p->names);
	return 0;
}

static int load_pred(eval *ev, const char *name)
{
	const cJSON *root = ev->proot, *nodes = member(root, "nodes"), *edges = member(root, "edges"), *x;
	if (!cJSON_IsObject(root))
		return BAD("not a newsgraph graph: the top level is not an object");
	if ((nodes && !cJSON_IsArray(nodes)) || (edges && !cJSON_IsArray(edges)))
		return BAD("not a newsgraph graph: 'nodes' and 'edges' must be lists");
	size_t nn = (size_t)cJSON_GetArraySize(nodes), ne = (size_t)cJSON_GetArraySize(edges), i = 0;
	ev->pn = calloc(nn + 1, sizeof *ev->pn);
	ev->pe = calloc(ne + 1, sizeof *ev->pe);
	if (!ev->pn || !ev->pe)
		return NOMEM();
	int rc;
	cJSON_ArrayForEach(x, nodes) if ((rc = pred_node(ev, x, i++, name))) return rc;
	i = 0;
	cJSON_ArrayForEach(x, edges)
	{
		pedge *p = &ev->pe[ev->npe++];
		p->src = str(x, "source");
		p->type = str(x, "type");
		p->tgt = str(x, "target");
		if (!cJSON_IsObject(x) || !p->src || !p->type || !p->tgt)
			return BAD("not a newsgraph graph: edge %zu needs a string 'source', 'type' and 'target'", i);
		i++;
	}
	return 0;
}

/* ---- Matching ---- */

/* The gold node index + 1 a predicted id maps to, 0 for none. */
static size_t mapped(const eval *ev, const char *id)
{
	return smap_get(&ev->mapping, id);
}

static size_t node_score(const gnode *g, const pnode *p)
{
	size_t score = 0;
	for (size_t i = 0; i < p->names.n; i++) {
		if (!g->contains)
			score += (size_t)names_has(&g->names, p->names.v[i]);
		else
			for (size_t j = 0; j < g->names.n; j++)
				score += strstr(p->names.v[i], g->names.v[j]) != NULL;
	}
	return score;
}

static int match_nodes(eval *ev)
{
	for (size_t i = 0; i < ev->npn; i++) {
		pnode *p = &ev->pn[i];
		size_t best = 0, best_score = 0;
		for (size_t k = 0; k < ev->ngn; k++) {
			size_t s = node_score(&ev->gn[k], p);
			if (!s)
				continue;
			s = s * 2 + (strcmp(ev->gn[k].type, p->type) == 0);
			/* Strictly greater: the first best in gold order wins. */
			if (s > best_score) {
				best = k + 1;
				best_score = s;
			}
		}
		/* score.py maps by id: a later node with the same id that
		 * matches overwrites an earlier one's gold node. */
		if (best) {
			size_t *slot = smap_put(&ev->mapping, p->id);
			if (!slot)
				return NOMEM();
			*slot = best;
		}
	}
	char *seen = calloc(ev->ngn + 1, 1);
	if (!seen)
		return NOMEM();
	for (size_t i = 0; i < ev->npn; i++) {
		pnode *p = &ev->pn[i];
		size_t g = mapped(ev, p->id);
		if (!g) {
			p->unmatched = 1;
			continue;
		}
		/* A gold entity split over several nodes: all but the first are
		 * false positives. */
		if (seen[g - 1]) {
			p->dup = 1;
			p->dup_of = g - 1;
		}
		seen[g - 1] = 1;
		ev->gn[g - 1].found = 1;
	}
	free(seen);
	return 0;
}

static int has_index(const size_t *v, size_t n, size_t x)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == x)
			return 1;
	return 0;
}

static int symmetric(const char *type)
{
	int rel = ng_relation_parse(type, strlen(type));
	return rel >= 0 && ng_relation_get((ng_relation)rel)->symmetric;
}

static int edge_matches(const gedge *g, size_t s, size_t t, const char *type)
{
	size_t k = 0;
	while (k < g->ntypes && strcmp(g->types[k], type))
		k++;
	if (k == g->ntypes)
		return 0;
	if (has_index(g->s, g->ns, s) && has_index(g->t, g->nt, t))
		return 1;
	return symmetric(type) && has_index(g->s, g->ns, t) && has_index(g->t, g->nt, s);
}

static void match_edges(eval *ev)
{
	for (size_t i = 0; i < ev->npe; i++) {
		pedge *p = &ev->pe[i];
		size_t s = mapped(ev, p->src), t = mapped(ev, p->tgt);
		if (!s || !t)
			continue;
		/* Every gold edge it matches counts as matched (optional ones
		 * too), as in score.py. */
		for (size_t k = 0; k < ev->nge; k++)
			if (edge_matches(&ev->ge[k], s - 1, t - 1, p->type))
				p->hit = ev->ge[k].matched = 1;
	}
}

/* ---- Report ---- */

static tcount *tc_get(tcounts *tc, const char *type)
{
	size_t *slot = smap_put(&tc->index, type);
	if (!slot)
		return NULL;
	if (!*slot) {
		if (reserve((void **)&tc->v, &tc->cap, tc->n, sizeof *tc->v))
			return NULL;
		tc->v[tc->n++] = (tcount){type, 0, 0, 0};
		*slot = tc->n;
	}
	return &tc->v[*slot - 1];
}

static int tc_cmp(const void *a, const void *b)
{
	return strcmp(((const tcount *)a)->type, ((const tcount *)b)->type);
}

static void prf(size_t tp, size_t fp, size_t fn, double o[3])
{
	o[0] = tp + fp ? (double)tp / (double)(tp + fp) : 0.0;
	o[1] = tp + fn ? (double)tp / (double)(tp + fn) : 0.0;
	o[2] = o[0] + o[1] > 0 ? 2 * o[0] * o[1] / (o[0] + o[1]) : 0.0;
}

/* Python's repr() of a string, which score.py's missed_edge lines show
 * for lists of alternatives: single quotes unless the text has one and
 * no double quote; non-printable characters escaped. */
static void py_repr(FILE *b, const char *s)
{
	uint32_t q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
	size_t n = strlen(s);
	fputc((int)q, b);
	for (size_t i = 0; i < n;) {
		uint32_t c = next_cp(s, n, &i);
		char u[4];
		if (c == q || c == '\\')
			fprintf(b, "\\%c", (char)c);
		else if (c == '\t' || c == '\n' || c == '\r')
			fputs(c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r", b);
		else if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad)
			fprintf(b, "\\x%02x", (unsigned)c);
		else if ((c > 0xff && is_space(c)) || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) ||
		         (c >= 0x2060 && c <= 0x2064) || c == 0xfeff)
			fprintf(b, "\\u%04x", (unsigned)c);
		else
			fwrite(u, 1, encode(c, u), b);
	}
	fputc((int)q, b);
}

/* A gold edge field as score.py's f-string prints it: a string as is, a
 * list as Python's repr. */
static void py_value(FILE *b, const cJSON *v)
{
	if (cJSON_IsString(v)) {
		fputs(v->valuestring, b);
		return;
	}
	const cJSON *c;
	fputc('[', b);
	cJSON_ArrayForEach(c, v)
	{
		if (c != v->child)
			fputs(", ", b);
		py_repr(b, c->valuestring);
	}
	fputc(']', b);
}

static void verbose_lines(const eval *ev, FILE *b)
{
	for (size_t i = 0; i < ev->ngn; i++)
		if (ev->gn[i].required && !ev->gn[i].found)
			fprintf(b, "missed_node: %s\n", ev->gn[i].key);
	/* score.py lists the unmatched nodes first, then the duplicates. */
	for (size_t i = 0; i < ev->npn; i++)
		if (ev->pn[i].unmatched)
			fprintf(b, "false_node: %s\n", ev->pn[i].id);
	for (size_t i = 0; i < ev->npn; i++)
		if (ev->pn[i].dup)
			fprintf(b, "false_node: %s (duplicate of gold %s)\n", ev->pn[i].id, ev->gn[ev->pn[i].dup_of].key);
	for (size_t i = 0; i < ev->nge; i++) {
		const gedge *g = &ev->ge[i];
		if (!g->required || g->matched)
			continue;
		fputs("missed_edge: ", b);
		py_value(b, g->src);
		fputs(" -[", b);
		py_value(b, g->type);
		fputs("]-> ", b);
		py_value(b, g->tgt);
		fputc('\n', b);
	}
	for (size_t i = 0; i < ev->npe; i++)
		if (!ev->pe[i].hit)
			fprintf(b, "false_edge: %s -[%s]-> %s\n", ev->pe[i].src, ev->pe[i].type, ev->pe[i].tgt);
}

static void type_lines(FILE *b, const char *what, tcounts *tc)
{
	if (tc->n > 1)
		qsort(tc->v, tc->n, sizeof *tc->v, tc_cmp);
	for (size_t i = 0; i < tc->n; i++) {
		const tcount *c = &tc->v[i];
		double f[3];
		prf(c->tp, c->fp, c->fn, f);
		fprintf(b, "%s %-11s tp=%zu fp=%zu fn=%zu P=%.3f R=%.3f F1=%.3f\n", what, c->type, c->tp, c->fp, c->fn, f[0],
		        f[1], f[2]);
	}
}

/* Writes the report into b (a memory stream: its errors show at fclose).
 * 0, or prints and returns 2. */
static int report(const eval *ev, int verbose, FILE *b)
{
	tcounts nt = {0}, et = {0};
	size_t ntp = 0, nfp = 0, nfn = 0, etp_pred = 0, efp = 0, etp = 0, ereq = 0;
	int rc = 0;
	tcount *c;
	if (verbose)
		verbose_lines(ev, b);
	/* Nodes: hits and misses by the gold type, false ones by their own. */
	for (size_t i = 0; i < ev->ngn && !rc; i++) {
		const gnode *g = &ev->gn[i];
		if (!g->required)
			continue;
		if (!(c = tc_get(&nt, g->type)))
			rc = NG_ENOMEM;
		else if (g->found)
			ntp++, c->tp++;
		else
			nfn++, c->fn++;
	}
	for (size_t i = 0; i < ev->npn && !rc; i++) {
		const pnode *p = &ev->pn[i];
		if (!p->unmatched && !p->dup)
			continue;
		if (!(c = tc_get(&nt, p->type)))
			rc = NG_ENOMEM;
		else
			nfp++, c->fp++;
	}
	/* Edges: predicted edges by their type, misses by the first gold type. */
	for (size_t i = 0; i < ev->npe && !rc; i++) {
		const pedge *p = &ev->pe[i];
		if (!(c = tc_get(&et, p->type)))
			rc = NG_ENOMEM;
		else if (p->hit)
			etp_pred++, c->tp++;
		else
			efp++, c->fp++;
	}
	for (size_t i = 0; i < ev->nge && !rc; i++) {
		const gedge *g = &ev->ge[i];
		if (!g->required)
			continue;
		ereq++;
		if (g->matched)
			etp++;
		else if (!(c = tc_get(&et, g->types[0])))
			rc = NG_ENOMEM;
		else
			c->fn++;
	}
	if (!rc) {
		type_lines(b, "node", &nt);
		type_lines(b, "edge", &et);
		double n[3], e[3];
		prf(ntp, nfp, nfn, n);
		/* Edge precision counts predicted edges (several may match one
		 * gold edge); recall counts required gold edges. */
		e[0] = etp_pred + efp ? (double)etp_pred / (double)(etp_pred + efp) : 0.0;
		e[1] = ereq ? (double)etp / (double)ereq : 0.0;
		e[2] = e[0] + e[1] > 0 ? 2 * e[0] * e[1] / (e[0] + e[1]) : 0.0;
		fprintf(b, "nodes P=%.3f R=%.3f F1=%.3f  edges P=%.3f R=%.3f F1=%.3f\n", n[0], n[1], n[2], e[0], e[1], e[2]);
	}
	free(nt.v);
	free(et.v);
	smap_free(&nt.index);
	smap_free(&et.index);
	return rc ? NOMEM() : 0;
}

static void eval_free(eval *ev)
{
	for (size_t i = 0; i < ev->ngn; i++)
		names_free(&ev->gn[i].names);
	for (size_t i = 0; i < ev->nge; i++) {
		free(ev->ge[i].s);
		free(ev->ge[i].t);
		free((void *)ev->ge[i].types);
	}
	for (size_t i = 0; i < ev->npn; i++)
		names_free(&ev->pn[i].names);
	free(ev->gn);
	free(ev->ge);
	free(ev->pn);
	free(ev->pe);
	smap_free(&ev->keys);
	smap_free(&ev->mapping);
	cJSON_Delete(ev->groot);
	cJSON_Delete(ev->proot);
}

int cli_score(const char *gold, size_t gold_len, const char *gold_name, const char *pred, size_t pred_len,
              const char *pred_name, int verbose, char **text, size_t *text_len)
{
	eval ev = {0};
	*text = NULL;
	/* score.py's order: both files read as JSON, then looked into. */
	int rc = parse(gold, gold_len, gold_name, &ev.groot);
	if (!rc)
		rc = parse(pred, pred_len, pred_name, &ev.proot);
	if (!rc)
		rc = load_gold(&ev, gold_name);
	if (!rc)
		rc = load_pred(&ev, pred_name);
	if (!rc)
		rc = match_nodes(&ev);
	if (!rc) {
		match_edges(&ev);
		/* Built whole before writing: an error leaves no half report. */
		FILE *b = open_memstream(text, text_len);
		if (!b)
			rc = NOMEM();
		else if ((rc = report(&ev, verbose, b)) != 0)
			fclose(b);
		else if ((ferror(b) | fclose(b)) != 0)
			rc = NOMEM();
	}
	if (rc) {
		free(*text);
		*text = NULL;
	}
	eval_free(&ev);
	return rc;
}
