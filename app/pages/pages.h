/* pages.h: every page handler, one family per page_<name>.c file; routes.c wires them to paths. */
#ifndef LECTERN_PAGES_H
#define LECTERN_PAGES_H
#include "core/request.h"

/* Fills req->out with the error page (HTML or JSON) for req->status (page_error.c);
 * the router calls it for any status a handler leaves without a body. */
void	page_error(struct request *);
/* A compiled-in asset with its ETag and caching (page_asset.c). */
int	page_asset(struct request *);
int	page_health(struct request *);
int	page_home(struct request *);

/* The registry (page_org.c, page_person.c, page_event.c, page_session.c, page_body.c, page_search.c). */
int	page_orgs(struct request *);
int	page_org(struct request *);
int	page_people(struct request *);
int	page_person(struct request *);
int	page_events(struct request *);
int	page_event(struct request *);
int	page_session(struct request *);
int	page_bodies(struct request *);
int	page_body(struct request *);
int	page_search(struct request *);
/* An organization's End User Journey report (page_report.c). */
int	page_report(struct request *);
/* A person's speaking history and roles, as on their page (also /me): model/person.h's rows. */
struct appearance_item;
struct role_item;
void	person_history_html(struct request *, const struct appearance_item *, size_t n);
void	person_roles_html(struct request *, const struct role_item *, size_t n);
/* Accounts (page_login.c, page_me.c, page_admin.c). */
int	page_login_form(struct request *);
int	page_login(struct request *);
int	page_logout(struct request *);
int	page_me(struct request *);
int	page_me_save(struct request *);
int	page_admin_users(struct request *);
int	page_admin_user_add(struct request *);
int	page_admin_user_update(struct request *);
int	page_admin_user_reset(struct request *);
int	page_me_password(struct request *);
int	page_me_login_end(struct request *);
int	page_reset_form(struct request *);
int	page_reset(struct request *);
/* Editing (page_edit.c, page_history.c): the kind comes from the path (record.h). */
int	page_record_new(struct request *);
int	page_record_create(struct request *);
int	page_record_edit(struct request *);
int	page_record_update(struct request *);
int	page_record_delete(struct request *);
int	page_record_history(struct request *);
int	page_history(struct request *);
int	page_restore(struct request *);
/* Merges (page_merge.c). */
int	page_merge_form(struct request *);
int	page_merge(struct request *);
/* Imports (page_import.c). */
int	page_import_form(struct request *);
int	page_import_preview(struct request *);
int	page_import_confirm(struct request *);
int	page_import_cancel(struct request *);
int	page_imports(struct request *);
/* page_aliases.c: /admin/aliases, the organizations' other names. */
int	page_aliases(struct request *);
int	page_alias_add(struct request *);
int	page_alias_delete(struct request *);
int	page_import_undo(struct request *);

/* Exports (page_export.c): streamed downloads. */
int	page_export_speakers_csv(struct request *);
int	page_export_speakers_json(struct request *);
int	page_export_schedule_xml(struct request *);
int	page_export_schedule_ics(struct request *);
int	page_export_talks_ics(struct request *);
int	page_export_history(struct request *);
int	page_export_my_org(struct request *);
int	page_export_roles_csv(struct request *);
int	page_export_speakers_any(struct request *);
int	page_export_speakers_xlsx(struct request *);
int	page_export_roles_xlsx(struct request *);
int	page_export_form(struct request *);
int	page_export_roles_json(struct request *);
/*
 * Writes the Export link of a list page: an <a download> to
 * /export/speakers.csv with the page's filters, query being name/value pairs
 * ending with a NULL name ("event", slug, "kind", "keynote", ..., NULL);
 * unset (NULL or empty) values are left out. Names, values and label are
 * escaped. For the event, organization, body and search pages.
 */
void	page_export_link(struct buf *, const char *const *query, const char *label);
/* The same to another export (path: "/export/roles.csv"). */
void	page_export_link_to(struct buf *, const char *path, const char *const *query, const char *label);

#endif
