/* Input: a web page's metadata. Input: the parsed page. Output: its title,
 * date, outlet, canonical URL and language, each from the most reliable
 * place the page gives it: Open Graph and article meta tags, schema.org
 * JSON-LD, <link rel=canonical>, <time datetime>, then the URL and the
 * <title> as a last resort. */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/page.h"
#include "newsgraph/schema.h"

char *ng_page_attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

void ng_page_squeeze(char *s)
{
	char *w = s;
	int space = 0;
	for (const unsigned char *r = (const unsigned char *)s; *r; r++) {
		int nbsp = r[0] == 0xc2 && r[1] == 0xa0;
		if (isspace(*r) || *r < 0x20 || *r == 0x7f || nbsp) {
			space = 1;
			r += nbsp;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = (char)*r;
	}
	*w = 0;
}

static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                     "jul", "aug", "sep", "oct", "nov", "dec"};

static int month_at(const char *s, size_t n)
{
	for (int m = 0; m < 12; m++)
		if (n >= 3 && !strncasecmp(s, months[m], 3))
			return m + 1;
	return 0;
}

static int digits(const char *s, size_t n, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (i >= n || !isdigit((unsigned char)s[i]))
			return 0;
	return k >= n || !isdigit((unsigned char)s[k]);
}

static int set_day(int y, int m, int d, char out[11])
{
	char s[48];
	snprintf(s, sizeof s, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	memcpy(out, s, 11);
	return ng_date_check(out, 10, 0) == 1;
}

/* "2024-05-16", "2024/05/16" at s. */
static int iso_at(const char *s, size_t n, char out[11])
{
	if (!digits(s, n, 4) || n < 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4] || !digits(s + 5, n - 5, 2) ||
	    !digits(s + 8, n - 8, 2))
		return 0;
	return set_day(atoi(s), atoi(s + 5), atoi(s + 8), out);
}

/* "May 16, 2024" or "16 May 2024" at s (s at a word's start). */
static int words_at(const char *s, size_t n, char out[11])
{
	int m = month_at(s, n), d = 0, y = 0;
	size_t i = 0;
	if (m) {
		while (i < n && isalpha((unsigned char)s[i]))
			i++;
		i += i < n && s[i] == '.';
		while (i < n && s[i] == ' ')
			i++;
		d = atoi(s + i);
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i + 2 >= n || s[i] != ',' || s[i + 1] != ' ')
			return 0;
		i += 2;
	} else {
		d = atoi(s);
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (!i || i > 2 || i >= n || s[i] != ' ' || !(m = month_at(s + i + 1, n - i - 1)))
			return 0;
		for (i++; i < n && isalpha((unsigned char)s[i]);)
			i++;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (!digits(s + i, n - i, 4))
		return 0;
	y = atoi(s + i);
	return d >= 1 && y >= 1900 && set_day(y, m, d, out);
}

int ng_page_find_date(const char *s, size_t n, char out[11])
{
	for (size_t i = 0; i < n; i++) {
		if (i && isalnum((unsigned char)s[i - 1]))
			continue;
		if (iso_at(s + i, n - i, out) || words_at(s + i, n - i, out))
			return 1;
	}
	return 0;
}

/* A URL's date: ".../2024/05/16/...", "...-2024-05-16-...". */
static int url_date(const char *u, char out[11])
{
	for (const char *p = u; *p; p++)
		if ((p[0] == '/' || p[0] == '-') && isdigit((unsigned char)p[1]) && iso_at(p + 1, strlen(p + 1), out))
			return 1;
	return 0;
}

/* What the walk over the page collects, each the first found. */
typedef struct found {
	char *og_title, *og_site, *og_url, *og_locale, *published, *canonical, *lang, *time, *title, *h1;
	char *ld_headline, *ld_date, *ld_publisher, *ld_url, *ld_lang;
} found;

static void keep(char **slot, char *v)
{
	if (!*slot && v && *v)
		*slot = v;
	else
		free(v);
}

static char *dup_x(xmlChar *v)
{
	char *s = v ? ng_strdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

static const char *str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	if (cJSON_IsArray(v))
		v = cJSON_GetArrayItem(v, 0);
	if (cJSON_IsObject(v))
		v = cJSON_GetObjectItemCaseSensitive(v, cJSON_GetObjectItemCaseSensitive(v, "name") ? "name" : "@id");
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static char *dup_s(const char *s)
{
	return s ? ng_strdup(s) : NULL;
}

/* The schema.org article among the JSON-LD objects: the first with a
 * headline, looked for in arrays and @graph. */
static void json_ld(found *f, const cJSON *j, int depth)
{
	if (!j || depth > 8 || f->ld_headline)
		return;
	if (cJSON_IsArray(j)) {
		for (const cJSON *c = j->child; c; c = c->next)
			json_ld(f, c, depth + 1);
		return;
	}
	if (!cJSON_IsObject(j))
		return;
	json_ld(f, cJSON_GetObjectItemCaseSensitive(j, "@graph"), depth + 1);
	if (f->ld_headline || !str(j, "headline"))
		return;
	f->ld_headline = dup_s(str(j, "headline"));
	keep(&f->ld_date, dup_s(str(j, "datePublished")));
	keep(&f->ld_publisher, dup_s(str(j, "publisher")));
	keep(&f->ld_url, dup_s(str(j, "mainEntityOfPage")));
	keep(&f->ld_url, dup_s(str(j, "url")));
	keep(&f->ld_lang, dup_s(str(j, "inLanguage")));
}

static void meta_tag(found *f, xmlNodePtr n)
{
	char *key = ng_page_attr(n, "property");
	if (!key)
		key = ng_page_attr(n, "name");
	if (!key)
		key = ng_page_attr(n, "itemprop");
	if (!key)
		key = ng_page_attr(n, "http-equiv");
	char *v = key ? dup_x(xmlGetProp(n, (const xmlChar *)"content")) : NULL;
	if (!key || !v) {
		xmlFree(key);
		free(v);
		return;
	}
	static const char *const dates[] = {"article:published_time", "datePublished", "date", "pubdate",
	                                     "publishdate", "dc.date", "dcterms.created", NULL};
	char **slot = NULL;
	if (!strcasecmp(key, "og:title"))
		slot = &f->og_title;
	else if (!strcasecmp(key, "og:site_name"))
		slot = &f->og_site;
	else if (!strcasecmp(key, "og:url"))
		slot = &f->og_url;
	else if (!strcasecmp(key, "og:locale") || !strcasecmp(key, "content-language"))
		slot = &f->og_locale;
	for (int k = 0; !slot && dates[k]; k++)
		if (!strcasecmp(key, dates[k]))
			slot = &f->published;
	xmlFree(key);
	if (slot)
		keep(slot, v);
	else
		free(v);
}

static void visit(found *f, xmlNodePtr n)
{
	const char *tag = (const char *)n->name;
	if (!strcasecmp(tag, "html"))
		keep(&f->lang, dup_x(xmlGetProp(n, (const xmlChar *)"lang")));
	else if (!strcasecmp(tag, "meta"))
		meta_tag(f, n);
	else if (!strcasecmp(tag, "title") && !f->title)
		keep(&f->title, dup_x(xmlNodeGetContent(n)));
	else if (!strcasecmp(tag, "h1") && !f->h1)
		keep(&f->h1, dup_x(xmlNodeGetContent(n)));
	else if (!strcasecmp(tag, "time") && !f->time)
		keep(&f->time, dup_x(xmlGetProp(n, (const xmlChar *)"datetime")));
	else if (!strcasecmp(tag, "link")) {
		char *rel = ng_page_attr(n, "rel");
		if (rel && !strcasecmp(rel, "canonical"))
			keep(&f->canonical, dup_x(xmlGetProp(n, (const xmlChar *)"href")));
		xmlFree(rel);
	} else if (!strcasecmp(tag, "script")) {
		char *type = ng_page_attr(n, "type");
		if (type && !strcasecmp(type, "application/ld+json")) {
			xmlChar *c = xmlNodeGetContent(n);
			cJSON *j = c ? cJSON_Parse((const char *)c) : NULL;
			json_ld(f, j, 0);
			cJSON_Delete(j);
			xmlFree(c);
		}
		xmlFree(type);
	}
}

static void walk(found *f, xmlNodePtr n)
{
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			visit(f, n);
			walk(f, n->children);
		}
}

/* " | The Daily Planet": the <title>'s site name, cut off. Without a known
 * outlet, the part before the last separator is the headline. */
static void cut_site(char *t, const char *site)
{
	static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xb7 ", NULL};
	size_t n = strlen(t), sl = site ? strlen(site) : 0;
	for (int k = 0; seps[k]; k++) {
		size_t l = strlen(seps[k]);
		if (sl && n > sl + l && !strcasecmp(t + n - sl, site) && !strncmp(t + n - sl - l, seps[k], l)) {
			t[n - sl - l] = 0;
			return;
		}
		if (sl && n > sl + l && !strncasecmp(t, site, sl) && !strncmp(t + sl, seps[k], l)) {
			memmove(t, t + sl + l, n - sl - l + 1);
			return;
		}
	}
	if (site)
		return;
	char *last = NULL;
	for (int k = 0; seps[k]; k++)
		for (char *p = strstr(t, seps[k]); p; p = strstr(p + 1, seps[k]))
			if (p > last)
				last = p;
	if (last && last - t >= 10)
		*last = 0;
}

/* The first of the slots that holds a value, taken out of it (c may be
 * NULL). */
static char *first_of(char **a, char **b, char **c)
{
	char **pick = *a ? a : *b || !c ? b : c;
	char *v = *pick;
	*pick = NULL;
	return v;
}

static int settle(ng_page *p, found *f, const char *url)
{
	char day[11];
	p->outlet = first_of(&f->og_site, &f->ld_publisher, NULL);
	if (p->outlet)
		ng_page_squeeze(p->outlet);
	p->title = first_of(&f->og_title, &f->ld_headline, &f->title);
	if (!p->title) {
		p->title = f->h1;
		f->h1 = NULL;
	}
	if (p->title) {
		ng_page_squeeze(p->title);
		cut_site(p->title, p->outlet);
	}
	if (p->title && !p->title[0]) {
		free(p->title);
		p->title = NULL;
	}
	p->url = first_of(&f->canonical, &f->og_url, &f->ld_url);
	if (!p->url && url && !(p->url = ng_strdup(url)))
		return NG_ENOMEM;
	if (p->url)
		ng_page_squeeze(p->url);
	const char *dates[] = {f->ld_date, f->published, f->time};
	day[0] = 0;
	for (int k = 0; k < 3 && !day[0]; k++)
		if (!dates[k] || !iso_at(dates[k], strlen(dates[k]), day))
			day[0] = 0;
	if (!day[0] && !(p->url && url_date(p->url, day)) && !(url && url_date(url, day)))
		day[0] = 0;
	if (day[0] && !(p->date = ng_strdup(day)))
		return NG_ENOMEM;
	p->lang = first_of(&f->lang, &f->og_locale, &f->ld_lang);
	if (p->lang)
		ng_page_squeeze(p->lang);
	return 0;
}

int ng_page_meta(ng_page *p, xmlDocPtr doc, const char *url)
{
	found f = {0};
	walk(&f, xmlDocGetRootElement(doc));
	int rc = settle(p, &f, url);
	char **all[] = {&f.og_title, &f.og_site, &f.og_url, &f.og_locale, &f.published, &f.canonical, &f.lang,
	                &f.time, &f.title, &f.h1, &f.ld_headline, &f.ld_date, &f.ld_publisher, &f.ld_url, &f.ld_lang};
	for (size_t k = 0; k < sizeof all / sizeof *all; k++)
		free(*all[k]);
	return rc;
}
