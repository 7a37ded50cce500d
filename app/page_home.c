/* page_home.c: GET / — the front page. */
#include "html.h"
#include "layout.h"
#include "pages.h"

int
page_home(struct request *req)
{
	struct buf *b = &req->out;

	if (req->want_json) {
		html_lit(b, "{\"name\":\"Lectern\"}");
		return 200;
	}
	layout_begin(req, "Home", NULL);
	html_lit(b, "<h1>Lectern</h1><p>Who speaks for whom in the cloud-native community.</p>");
	layout_end(req);
	return 200;
}
