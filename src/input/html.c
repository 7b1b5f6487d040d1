/* Input: a web page. libxml2's HTML parser builds the page's tree; the
 * main content is the block whose paragraphs hold the most text (with
 * <article>, <main> and schema.org articleBody as hints, as boilerplate
 * removers do); navigation, adverts, share buttons, cookie notices, related
 * lists, comments and footers are left out by tag, role and class. Output:
 * the article's text (title, blank line, paragraphs) and its metadata. */
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input/http.h"
#include "input/page.h"
#include "newsgraph/text.h"

int ng_html_sniff(const char *data, size_t len)
{
	size_t i = 0;
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
		i = 3;
	for (;;) {
		while (i < len && isspace((unsigned char)data[i]))
			i++;
		/* comments before the doctype */
		if (i + 4 <= len && !memcmp(data + i, "<!--", 4)) {
			const char *end = ng_input_find(data + i, len - i, "-->", 3);
			if (!end)
				return 0;
			i = (size_t)(end - data) + 3;
			continue;
		}
		break;
	}
	static const char *const opens[] = {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", NULL};
	for (int k = 0; opens[k]; k++) {
		size_t n = strlen(opens[k]);
		if (i + n < len && !strncasecmp(data + i, opens[k], n) &&
		    (data[i + n] == '>' || isspace((unsigned char)data[i + n])))
			return 1;
	}
	return 0;
}

static int is_tag(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

static int tag_in(xmlNodePtr n, const char *const *names)
{
	for (int k = 0; names[k]; k++)
		if (is_tag(n, names[k]))
			return 1;
	return 0;
}

/* Words of class and id names that mark what is not the article. Whole
 * words only: "ad" drops "ad-slot" but not "shadow" or "header". */
static const char *const boiler_words[] = {
	"ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsor", "sponsored", "promo",
	"share", "sharing", "social", "cookie", "cookies", "consent", "gdpr", "related", "recommended",
	"comments", "comment", "disqus", "newsletter", "subscribe", "signup", "paywall", "nav", "navbar",
	"navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "footer", "byline", "author", "tags",
	"popup", "modal", "toolbar", "widget", "outbrain", "taboola", "masthead", NULL};

static int has_boiler_word(const char *v)
{
	for (const char *p = v; *p;) {
		while (*p && !isalnum((unsigned char)*p))
			p++;
		size_t n = 0;
		while (isalnum((unsigned char)p[n]))
			n++;
		for (int k = 0; n && boiler_words[k]; k++)
			if (strlen(boiler_words[k]) == n && !strncasecmp(p, boiler_words[k], n))
				return 1;
		p += n;
	}
	return 0;
}

/* Never article text: scripts, forms, navigation, page furniture. */
static const char *const skip_tags[] = {"script", "style", "noscript", "template", "svg", "iframe", "form",
                                        "button", "select", "textarea", "nav", "footer", "aside", "figure",
                                        "header", "h1", "head", "object", "video", "audio", "canvas", NULL};
static const char *const skip_roles[] = {"navigation", "banner", "contentinfo", "complementary",
                                         "dialog", "alertdialog", "search", "menu", NULL};

static const char *const para_tags[] = {"p", "pre", "blockquote", "h2", "h3", "h4", "li", "td", "dd", NULL};

static int attr_is_boiler(xmlNodePtr n, const char *name, int words)
{
	char *v = ng_page_attr(n, name);
	int hit = 0;
	if (v && words)
		hit = has_boiler_word(v);
	else if (v)
		for (int k = 0; skip_roles[k] && !hit; k++)
			hit = !strcasecmp(v, skip_roles[k]);
	xmlFree(v);
	return hit;
}

static int is_boiler(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
	if (tag_in(n, skip_tags) || xmlHasProp(n, (const xmlChar *)"hidden"))
		return 1;
	/* A <time> of its own is the page's dateline stamp; inside a
	 * paragraph it is part of a sentence. */
	if (is_tag(n, "time") && n->parent && !tag_in(n->parent, para_tags))
		return 1;
	char *aria = ng_page_attr(n, "aria-hidden");
	int hidden = aria && !strcasecmp(aria, "true");
	xmlFree(aria);
	return hidden || attr_is_boiler(n, "role", 0) || attr_is_boiler(n, "class", 1) ||
	       attr_is_boiler(n, "id", 1);
}

static const char *const block_tags[] = {"p", "div", "section", "article", "main", "h2", "h3", "h4", "h5",
                                         "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td",
                                         "th", "dl", "dt", "dd", "br", "hr", "body", NULL};

/* Text length of a paragraph and of its links, for scoring. */
static void measure(xmlNodePtr n, int in_link, size_t *text, size_t *links)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			size_t k = 0;
			for (const xmlChar *s = c->content; s && *s; s++)
				k += !isspace(*s);
			*text += k;
			if (in_link)
				*links += k;
		} else if (c->type == XML_ELEMENT_NODE && !is_boiler(c))
			measure(c, in_link || is_tag(c, "a"), text, links);
	}
}

/* A candidate for the article's container and its score. */
typedef struct cand {
	xmlNodePtr node;
	double score;
} cand;

typedef struct scorer {
	cand *c;
	size_t n, cap;
	int oom;
} scorer;

static void credit(scorer *s, xmlNodePtr n, double v)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return;
	/* The tree is ours: a node keeps its candidate's number + 1. */
	size_t i = (size_t)(uintptr_t)n->_private;
	if (i) {
		s->c[i - 1].score += v;
		return;
	}
	cand *c = NG_PUSH(s->c, s->n, s->cap);
	if (!c) {
		s->oom = 1;
		return;
	}
	c->node = n;
	c->score = v;
	n->_private = (void *)(uintptr_t)s->n;
}

/* Each paragraph of real text (links counting against it) credits its
 * parent, and half as much its grandparent: the article's container is
 * where the paragraphs gather. */
static void score_tree(scorer *s, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c && !s->oom; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is_boiler(c))
			continue;
		if (tag_in(c, para_tags)) {
			size_t text = 0, links = 0;
			measure(c, 0, &text, &links);
			if (text >= 20 && links * 2 < text) {
				double v = (double)(text - links);
				credit(s, c->parent, v);
				credit(s, c->parent ? c->parent->parent : NULL, v / 2);
			}
			if (is_tag(c, "blockquote"))
				score_tree(s, c);
		} else
			score_tree(s, c);
	}
}

/* How strongly an element says it is the article. */
static double hint(xmlNodePtr n)
{
	char *prop = ng_page_attr(n, "itemprop");
	double h = prop && !strcasecmp(prop, "articleBody") ? 3 : 1;
	xmlFree(prop);
	if (is_tag(n, "article"))
		h *= 2;
	else if (is_tag(n, "main"))
		h *= 1.5;
	return h;
}

static xmlNodePtr content_root(xmlNodePtr body, int *oom)
{
	scorer s = {0};
	score_tree(&s, body);
	xmlNodePtr best = NULL;
	double top = 0;
	for (size_t i = 0; i < s.n; i++) {
		double v = s.c[i].score * hint(s.c[i].node);
		if (v > top) {
			top = v;
			best = s.c[i].node;
		}
	}
	*oom = s.oom;
	free(s.c);
	return best;
}

/* The paragraphs under the content root, in page order. */
typedef struct emitter {
	ng_buf out, para;
	size_t text, links; /* of the paragraph being gathered */
	int space, oom;
} emitter;

static void flush(emitter *e)
{
	/* A block mostly of links is a menu or a list of other stories. */
	if (e->para.len && e->links * 2 < e->text) {
		if (e->out.len && ng_buf_add(&e->out, "\n\n", 2))
			e->oom = 1;
		if (ng_buf_add(&e->out, e->para.s, e->para.len))
			e->oom = 1;
	}
	e->para.len = 0;
	if (e->para.s)
		e->para.s[0] = 0;
	e->text = e->links = 0;
	e->space = 0;
}

/* Appends a text node, white space collapsed and control bytes dropped. */
static void add_text(emitter *e, const xmlChar *s, int in_link)
{
	for (; s && *s; s++) {
		unsigned c = *s;
		/* U+00A0, the no-break space, is a space */
		int nbsp = c == 0xc2 && s[1] == 0xa0;
		if (isspace(c) || c < 0x20 || c == 0x7f || nbsp) {
			e->space = 1;
			s += nbsp;
			continue;
		}
		if (e->space && e->para.len && ng_buf_addc(&e->para, ' '))
			e->oom = 1;
		e->space = 0;
		if (ng_buf_addc(&e->para, (char)c))
			e->oom = 1;
		e->text++;
		e->links += in_link != 0;
	}
}

static void emit(emitter *e, xmlNodePtr n, int in_link)
{
	for (xmlNodePtr c = n->children; c && !e->oom; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			add_text(e, c->content, in_link);
			continue;
		}
		if (is_boiler(c))
			continue;
		int block = tag_in(c, block_tags);
		if (block)
			flush(e);
		emit(e, c, in_link || is_tag(c, "a"));
		if (block)
			flush(e);
	}
}

void ng_page_free(ng_page *p)
{
	if (!p)
		return;
	free(p->text);
	free(p->title);
	free(p->date);
	free(p->outlet);
	free(p->url);
	free(p->lang);
	free(p);
}

const char *ng_page_text(const ng_page *p, size_t *len)
{
	*len = p->len;
	return p->text;
}
const char *ng_page_title(const ng_page *p)
{
	return p->title;
}
const char *ng_page_date(const ng_page *p)
{
	return p->date;
}
const char *ng_page_outlet(const ng_page *p)
{
	return p->outlet;
}
const char *ng_page_url(const ng_page *p)
{
	return p->url;
}
const char *ng_page_language(const ng_page *p)
{
	return p->lang;
}

/* English text is full of these words; other languages' text is not. */
static const char *const english[] = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with",
                                      "said", "was", "by", "as", "at", "from", "it", "has", "have", "he",
                                      "his", "be", "an", "are", "will", "not", NULL};

static int reads_english(const char *s, size_t *words, size_t *common)
{
	*words = *common = 0;
	while (*s) {
		while (*s && !isalpha((unsigned char)*s))
			s++;
		size_t n = 0;
		while (isalpha((unsigned char)s[n]))
			n++;
		if (!n)
			break;
		(*words)++;
		for (int k = 0; english[k]; k++)
			if (strlen(english[k]) == n && !strncasecmp(s, english[k], n)) {
				(*common)++;
				break;
			}
		s += n;
	}
	return *words < 30 || *common * 100 >= *words * 8;
}

/* Non-English pages are refused: the knowledge base, rules and models are
 * English. The page's own tag decides; without one, the words do. */
static int check_language(const ng_page *p, const char *body, const char *name, ng_error *err)
{
	if (p->lang && p->lang[0]) {
		if (!strncasecmp(p->lang, "en", 2) && (!p->lang[2] || p->lang[2] == '-' || p->lang[2] == '_'))
			return 0;
		return ng_fail(err, NG_EINVAL, name, 0, "the page is in language '%.40s', not English: newsgraph reads English news",
		               p->lang);
	}
	size_t words, common;
	if (reads_english(body, &words, &common))
		return 0;
	return ng_fail(err, NG_EINVAL, name, 0,
	               "the page does not read as English (%zu of %zu words are common English words): newsgraph reads English news",
	               common, words);
}

/* The article text: the title, a blank line, the paragraphs. */
static int compose(ng_page *p, const char *body, size_t blen)
{
	size_t tl = p->title ? strlen(p->title) : 0;
	p->text = malloc(tl + 2 + blen + 1);
	if (!p->text)
		return NG_ENOMEM;
	p->len = 0;
	if (tl) {
		memcpy(p->text, p->title, tl);
		memcpy(p->text + tl, "\n\n", 2);
		p->len = tl + 2;
	}
	memcpy(p->text + p->len, body, blen);
	p->len += blen;
	p->text[p->len] = 0;
	return 0;
}

static xmlNodePtr find_body(xmlNodePtr n)
{
	for (; n; n = n->next) {
		if (is_tag(n, "body"))
			return n;
		if (n->type == XML_ELEMENT_NODE && !is_tag(n, "head")) {
			xmlNodePtr b = find_body(n->children);
			if (b)
				return b;
		}
	}
	return NULL;
}

/* The article's paragraphs from the parsed page into e->out. */
static int page_body(xmlDocPtr doc, emitter *e, const char *name, ng_error *err)
{
	xmlNodePtr body = find_body(xmlDocGetRootElement(doc));
	if (!body)
		return ng_fail(err, NG_EINVAL, name, 0, "the page has no <body>: no article text");
	int oom = 0;
	xmlNodePtr root = content_root(body, &oom);
	if (oom)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	/* Split by adverts or boxes, an article's paragraphs lie in several
	 * blocks: the <article> above them holds them all, else the nearest
	 * element marked as the article. */
	xmlNodePtr marked = NULL;
	for (xmlNodePtr a = root; a && a != body; a = a->parent) {
		if (is_tag(a, "article")) {
			marked = a;
			break;
		}
		if (!marked && hint(a) > 1)
			marked = a;
	}
	if (marked)
		root = marked;
	emit(e, root ? root : body, 0);
	flush(e);
	if (e->oom)
		return ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!e->out.len)
		return ng_fail(err, NG_EINVAL, name, 0, "the page has no article text");
	return 0;
}

int ng_html_read(const char *html, size_t len, const char *url, const char *name, ng_page **out, ng_error *err)
{
	*out = NULL;
	if (len > NG_PAGE_MAX)
		return ng_fail(err, NG_ELIMIT, name, 0, "the page is %zu bytes, over the limit of %zu for a web page",
		               len, NG_PAGE_MAX);
	if (memchr(html, 0, len))
		return ng_fail(err, NG_EINVAL, name, 0, "the page holds a NUL byte: binary data, not HTML");
	xmlInitParser();
	xmlDocPtr doc = htmlReadMemory(html, (int)len, url, NULL,
	                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
	if (!doc)
		return ng_fail(err, NG_EINVAL, name, 0, "no HTML could be read from the page");
	ng_page *p = calloc(1, sizeof *p);
	emitter e = {0};
	int rc = p ? ng_page_meta(p, doc, url) : NG_ENOMEM;
	if (rc)
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	else
		rc = page_body(doc, &e, name, err);
	if (!rc)
		rc = check_language(p, e.out.s, name, err);
	/* Last, a date written near the top of the article ("May 16, 2024") */
	char day[11];
	if (!rc && !p->date && ng_page_find_date(e.out.s, e.out.len < 2000 ? e.out.len : 2000, day) &&
	    !(p->date = ng_strdup(day)))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!rc && compose(p, e.out.s, e.out.len))
		rc = ng_fail(err, NG_ENOMEM, NULL, 0, "out of memory");
	if (!rc)
		rc = ng_text_check(p->text, p->len, name, err);
	xmlFreeDoc(doc);
	ng_buf_free(&e.out);
	ng_buf_free(&e.para);
	if (rc) {
		ng_page_free(p);
		return rc;
	}
	*out = p;
	return 0;
}
