/* auth.c: access decisions per route. Logins arrive with the accounts work; until then only public reads pass. */
#include "auth.h"
#include "config.h"
#include "html.h"
#include "router.h"

int
auth_check(struct request *req, const struct route *r)
{
	switch (r->access) {
	case ACCESS_OPEN:
		return 0;
	case ACCESS_PUBLIC:
		return config.public_read || req->user ? 0 : 401;
	default:
		return req->user ? 0 : 401;
	}
}

void
auth_nav(struct request *req)
{
	(void)req;
}

void
auth_login_link(struct request *req)
{
	(void)req;
}

int
auth_is_staff(const struct request *req)
{
	return req->user != NULL && req->user->role >= ROLE_STAFF;
}

void
csrf_field(struct request *req)
{
	if (req->csrf_token == NULL)
		return;
	html_lit(&req->out, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html_attr(&req->out, req->csrf_token);
	html_lit(&req->out, "\">");
}
