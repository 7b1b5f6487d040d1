/* Article inputs that are web pages: a file whose content is HTML is read
 * as a page (its main text and metadata) wherever an article is read. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_article_read(const char *data, size_t len, const char *path, const cli_extract_opts *o, cli_job *j,
                     ng_error *err)
{
	ng_page *p = NULL;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	const char *id = cli_article_id(o, path), *date = o->date;
	int rc = 0;
	if (ng_html_sniff(data, len)) {
		rc = ng_html_read(data, len, NULL, name, &p, err);
		if (rc)
			return rc;
		data = ng_page_text(p, &len);
		/* A page names itself: its canonical URL, unless --id. */
		if (!o->id && ng_page_url(p))
			id = ng_page_url(p);
		if (!date)
			date = ng_page_date(p);
	}
	j->text = malloc(len + 1);
	if (j->text) {
		memcpy(j->text, data, len);
		j->text[len] = 0;
	}
	j->len = len;
	j->id = strdup(id);
	j->source = strdup(name);
	j->date = date ? strdup(date) : NULL;
	if (!j->text || !j->id || !j->source || (date && !j->date)) {
		cli_job_clear(j);
		rc = NG_ENOMEM;
		snprintf(err->message, sizeof err->message, "out of memory");
	}
	ng_page_free(p);
	return rc;
}

int cli_article_from_doc(const ng_warc_doc *d, const char *name, const char *date, cli_job *j, ng_error *err)
{
	ng_page *p = NULL;
	const char *text = d->body, *id = d->uri, *own = NULL;
	size_t len = d->len;
	/* a page served as text/plain is still a page */
	if (d->html || ng_html_sniff(d->body, d->len)) {
		int rc = ng_html_read(d->body, d->len, d->uri, d->uri, &p, err);
		if (rc)
			return rc;
		text = ng_page_text(p, &len);
		id = ng_page_url(p) ? ng_page_url(p) : d->uri;
		own = ng_page_date(p);
	}
	j->text = malloc(len + 1);
	if (j->text) {
		memcpy(j->text, text, len);
		j->text[len] = 0;
	}
	j->len = len;
	j->id = strdup(id);
	j->source = strdup(name);
	j->date = own ? strdup(own) : NULL;
	/* The crawl's day: the year of a dateline, or the date itself. */
	const char *ref = d->date ? d->date : date;
	j->ref_date = ref ? strdup(ref) : NULL;
	const char *outlet = p ? ng_page_outlet(p) : NULL;
	j->outlet = outlet ? strdup(outlet) : NULL;
	j->line = (long)d->record;
	ng_page_free(p);
	if (!j->text || !j->id || !j->source || (own && !j->date) || (ref && !j->ref_date) || (outlet && !j->outlet)) {
		cli_job_clear(j);
		snprintf(err->message, sizeof err->message, "out of memory");
		return NG_ENOMEM;
	}
	return 0;
}
