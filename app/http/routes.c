/* routes.c: the route table, Lectern's map of addresses to pages (Kore's `route` lines). */
#include "core/vocab.h"
#include "http/router.h"
#include "pages/pages.h"

#define END	{ 0 }

static const struct param_rule p_asset[] = {
	{ "name", P_LINE, PF_PATH, 0, 64, 0 },
	{ "v", P_TOKEN, PF_QUERY, 0, 32, 0 },
	END
};

/* Exports (page_export.c). */
static const struct param_rule p_export_speakers[] = {
	{ "event", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "colocated", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "org", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "kind", P_ENUM, PF_QUERY, 0, 0, VOCAB_SET(TERMS_SESSION_KIND) },
	{ "track", P_LINE, PF_QUERY, 0, 200, 0 },
	{ "from", P_DATE, PF_QUERY, 0, 10, 0 },
	{ "to", P_DATE, PF_QUERY, 0, 10, 0 },
	{ "body", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "person", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "q", P_LINE, PF_QUERY, 0, 200, 0 },
	{ "role", P_ENUM, PF_QUERY, 0, 0, VOCAB_SET2(TERMS_ROLE, TERMS_SEAT_TYPE) },
	{ "shape", P_ENUM, PF_QUERY, 0, 0, "appearances|speakers" },
	{ "bom", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "include_email", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "format", P_ENUM, PF_QUERY, 0, 0, "csv|json|xlsx" },	/* /export/speakers, from the export form */
	END
};
static const struct param_rule p_export_roles[] = {
	{ "body", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "role", P_ENUM, PF_QUERY, 0, 0, VOCAB_SET(TERMS_ROLE) },
	{ "seat_type", P_ENUM, PF_QUERY, 0, 0, VOCAB_SET(TERMS_SEAT_TYPE) },
	{ "on", P_DATE, PF_QUERY, 0, 10, 0 },
	{ "current", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "bom", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	END
};
static const struct param_rule p_export_slug[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	END
};
static const struct param_rule p_export_history[] = {
	{ "bom", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	{ "per_speaker", P_ENUM, PF_QUERY, 0, 0, "0|1" },
	END
};

/* The registry. */
static const struct param_rule p_list[] = {
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	END
};
static const struct param_rule p_slug_page[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	END
};
static const struct param_rule p_report[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	{ "as_of", P_DATE, PF_QUERY, 0, 10, 0 },
	END
};
static const struct param_rule p_event[] = {
	{ "slug", P_SLUG, PF_PATH, 0, 120, 0 },
	{ "kind", P_ENUM, PF_QUERY, 0, 0, VOCAB_SET(TERMS_SESSION_KIND) },
	{ "track", P_LINE, PF_QUERY, 0, 200, 0 },
	{ "view", P_ENUM, PF_QUERY, 0, 0, "list|grid" },
	END
};
static const struct param_rule p_session[] = {
	{ "id", P_INT, PF_PATH, 1, 1LL << 53, 0 },
	END
};
static const struct param_rule p_search[] = {
	{ "q", P_LINE, PF_QUERY, 0, 200, 0 },
	{ "kind", P_ENUM, PF_QUERY, 0, 0, "session|person|organization|event|body|project" },
	{ "page", P_INT, PF_QUERY, 1, 1000, 0 },
	END
};

/* Accounts. */
static const struct param_rule p_login_form[] = {
	{ "next", P_LINE, PF_QUERY, 0, 500, 0 },
	{ "reset", P_ENUM, PF_QUERY, 0, 0, "1" },
	END
};
static const struct param_rule p_login[] = {
	{ "login", P_LINE, PF_FORM | PF_REQUIRED, 0, 64, 0 },
	{ "password", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	{ "next", P_LINE, PF_FORM, 0, 500, 0 },
	END
};
static const struct param_rule p_me[] = {
	{ "saved", P_ENUM, PF_QUERY, 0, 0, "1" },
	{ "password", P_ENUM, PF_QUERY, 0, 0, "1" },
	{ "ended", P_ENUM, PF_QUERY, 0, 0, "1" },
	{ "bio", P_TEXT, PF_FORM, 0, 5000, 0 },
	{ "links", P_TEXT, PF_FORM, 0, 5000, 0 },
	{ "version", P_INT, PF_FORM | PF_REQUIRED, 1, 1LL << 53, 0 },
	END
};
static const struct param_rule p_user_add[] = {
	{ "login", P_LINE, PF_FORM | PF_REQUIRED, 0, 64, 0 },
	{ "name", P_LINE, PF_FORM, 0, 200, 0 },
	{ "email", P_EMAIL, PF_FORM, 0, 200, 0 },
	{ "role", P_ENUM, PF_FORM | PF_REQUIRED, 0, 0, "admin|staff|member" },
	{ "person", P_SLUG, PF_FORM, 0, 120, 0 },
	{ "org", P_SLUG, PF_FORM, 0, 120, 0 },
	{ "password", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	END
};
static const struct param_rule p_user_id[] = {
	{ "id", P_INT, PF_PATH, 1, 1LL << 53, 0 },
	END
};
static const struct param_rule p_password[] = {
	{ "current", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	{ "password", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	{ "again", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	END
};
static const struct param_rule p_login_end[] = {
	{ "key", P_TOKEN, PF_FORM | PF_REQUIRED, 0, 16, 0 },
	END
};
static const struct param_rule p_reset_form[] = {
	{ "token", P_TOKEN, PF_QUERY, 0, 64, 0 },
	END
};
static const struct param_rule p_reset[] = {
	{ "token", P_TOKEN, PF_FORM, 0, 64, 0 },
	{ "password", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	{ "again", P_TEXT, PF_FORM | PF_REQUIRED, 0, 1024, 0 },
	END
};
static const struct param_rule p_user_update[] = {
	{ "id", P_INT, PF_PATH, 1, 1LL << 53, 0 },
	{ "role", P_ENUM, PF_FORM | PF_REQUIRED, 0, 0, "admin|staff|member" },
	{ "disabled", P_ENUM, PF_FORM | PF_REQUIRED, 0, 0, "0|1" },
	END
};

/* Editing: every field of every kind as text here; editor.c checks each against its own rule
 * so that a bad value is shown beside its field instead of a bare 400. */
#define FIELD(n)	{ n, P_TEXT, PF_FORM, 0, 20000, 0 }
#define SPEAKER(i)	{ "s" #i "_person", P_LINE, PF_FORM, 0, 200, 0 }, \
			{ "s" #i "_org", P_LINE, PF_FORM, 0, 200, 0 }, \
			{ "s" #i "_role", P_ENUM, PF_FORM, 0, 0, VOCAB_SET(TERMS_APPEARANCE_ROLE) }, \
			{ "s" #i "_new", P_ENUM, PF_FORM, 0, 0, "1" }, \
			{ "s" #i "_distinct", P_ENUM, PF_FORM, 0, 0, "1" }
#define RECORD_FIELDS \
	FIELD("name"), FIELD("slug"), FIELD("kind"), FIELD("website"), FIELD("eu_member"), FIELD("member_since"), \
	FIELD("tier"), FIELD("notes"), FIELD("email"), FIELD("github"), FIELD("bio"), FIELD("person"), \
	FIELD("org"), FIELD("title"), FIELD("since"), FIELD("until"), FIELD("series"), FIELD("parent"), \
	FIELD("city"), FIELD("country"), FIELD("starts_on"), FIELD("ends_on"), FIELD("time_zone"), \
	FIELD("url"), FIELD("event"), FIELD("subtitle"), FIELD("track"), FIELD("room"), \
	FIELD("starts_at"), FIELD("starts_at_date"), FIELD("starts_at_time"), FIELD("duration_min"), FIELD("abstract"), FIELD("video_url"), \
	FIELD("status"), FIELD("description"), FIELD("role"), FIELD("seat_type"), FIELD("body"), \
	FIELD("maturity"), FIELD("accepted_on"), FIELD("incubating_on"), FIELD("graduated_on"), \
	FIELD("intro"), FIELD("quotes"), FIELD("round_talks"), \
	SPEAKER(1), SPEAKER(2), SPEAKER(3), SPEAKER(4), SPEAKER(5), SPEAKER(6), SPEAKER(7), \
	SPEAKER(8), SPEAKER(9), SPEAKER(10), \
	{ "distinct", P_ENUM, PF_FORM, 0, 0, "1" }, \
	{ "version", P_INT, PF_FORM, 0, 1LL << 53, 0 }, \
	{ "opened", P_TEXT, PF_FORM, 0, 400000, 0 },		/* what the form was opened with (JSON) */ \
	{ "speakers_checked", P_ENUM, PF_FORM, 0, 0, "1" }
static const struct param_rule p_record_new[] = {
	RECORD_FIELDS,
	END
};
static const struct param_rule p_record[] = {
	{ "key", P_TOKEN, PF_PATH, 0, 120, 0 },
	RECORD_FIELDS,
	END
};
static const struct param_rule p_key[] = {
	{ "key", P_TOKEN, PF_PATH, 0, 120, 0 },
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	{ "version", P_INT, PF_FORM, 0, 1LL << 53, 0 },
	END
};
/* A merge: the other record, then (posted) the survivor, the versions seen, each conflicting
 * field's side ("a" this record, "b" the other) and the confirmation. */
#define PICK(n)	{ "pick_" n, P_ENUM, PF_FORM, 0, 0, "a|b" }
static const struct param_rule p_merge_form[] = {
	{ "key", P_TOKEN, PF_PATH, 0, 120, 0 },
	{ "with", P_LINE, PF_QUERY, 0, 200, 0 },
	END
};
static const struct param_rule p_merge[] = {
	{ "key", P_TOKEN, PF_PATH, 0, 120, 0 },
	{ "with", P_LINE, PF_FORM | PF_REQUIRED, 0, 200, 0 },
	{ "keep", P_SLUG, PF_FORM, 0, 120, 0 },
	{ "va", P_INT, PF_FORM | PF_REQUIRED, 0, 1LL << 53, 0 },
	{ "vb", P_INT, PF_FORM | PF_REQUIRED, 0, 1LL << 53, 0 },
	{ "confirm", P_ENUM, PF_FORM, 0, 0, "1" },
	PICK("name"), PICK("kind"), PICK("website"), PICK("eu_member"), PICK("member_since"), PICK("tier"),
	PICK("notes"), PICK("email"), PICK("github"), PICK("bio"),
	END
};
static const struct param_rule p_history[] = {
	{ "user", P_LINE, PF_QUERY, 0, 64, 0 },
	{ "kind", P_ENUM, PF_QUERY, 0, 0, "organization|person|affiliation|event|session|body|role|project|report" },
	{ "from", P_DATE, PF_QUERY, 0, 0, 0 },
	{ "to", P_DATE, PF_QUERY, 0, 0, 0 },
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	{ "restored", P_ENUM, PF_QUERY, 0, 0, "1" },
	END
};
static const struct param_rule p_restore[] = {
	{ "id", P_INT, PF_PATH, 1, 1LL << 53, 0 },
	END
};

/* A new record's form can start from the page it was opened on. */
static const struct param_rule p_prefill[] = {
	{ "event", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "person", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "org", P_SLUG, PF_QUERY, 0, 120, 0 },
	{ "body", P_SLUG, PF_QUERY, 0, 120, 0 },
	END
};

/* Imports. The format, the logistics switch, a governance file's date and a CSV's columns ("#N",
 * or "" for none) go from the upload form to the preview, from the preview to a second one and to
 * the import. */
#define IMPORT_READING \
	{ "format", P_ENUM, PF_FORM, 0, 0, "xml|ics|sched-ics|sched-json|json|csv|sigs-yaml|tags-yaml|" \
	    "toc-readme|gitdm" }, \
	{ "skip_logistics", P_ENUM, PF_FORM, 0, 0, "1" }, \
	{ "as_of", P_DATE, PF_FORM, 0, 0, 0 }
#define IMPORT_COLUMN(f)	{ "map." f, P_LINE, PF_FORM, 0, 8, 0 }
static const struct param_rule p_import[] = {
	/* Not PF_REQUIRED: the page asks for a file on its form, not on an error page. */
	{ "schedule", P_FILE, PF_FORM, 0, 1LL << 34, 0 },
	{ "schedule.filename", P_LINE, PF_FORM, 0, 255, 0 },
	{ "event", P_SLUG, PF_FORM, 0, 120, 0 },
	{ "tz", P_LINE, PF_FORM, 0, 64, 0 },
	{ "strict", P_ENUM, PF_FORM, 0, 0, "1" },
	IMPORT_READING,
	{ "token", P_TOKEN, PF_FORM, 64, 64, 0 },	/* a second preview of a kept upload */
	IMPORT_COLUMN("title"), IMPORT_COLUMN("speakers"), IMPORT_COLUMN("companies"),
	IMPORT_COLUMN("date"), IMPORT_COLUMN("start"), IMPORT_COLUMN("end"), IMPORT_COLUMN("duration"),
	IMPORT_COLUMN("room"), IMPORT_COLUMN("track"), IMPORT_COLUMN("kind"), IMPORT_COLUMN("abstract"),
	IMPORT_COLUMN("url"), IMPORT_COLUMN("id"),
	END
};
static const struct param_rule p_import_token[] = {
	{ "token", P_TOKEN, PF_FORM | PF_REQUIRED, 64, 64, 0 },
	END
};
static const struct param_rule p_import_confirm[] = {
	{ "token", P_TOKEN, PF_FORM | PF_REQUIRED, 64, 64, 0 },
	{ "tz", P_LINE, PF_FORM, 0, 64, 0 },	/* the zone picked in the preview */
	IMPORT_READING,
	{ "map", P_LINE, PF_FORM, 0, 1024, 0 },
	END
};
static const struct param_rule p_imports[] = {
	{ "page", P_INT, PF_QUERY, 1, 100000, 0 },
	{ "done", P_INT, PF_QUERY, 0, 1LL << 53, 0 },
	{ "undone", P_ENUM, PF_QUERY, 0, 0, "1" },
	{ "run", P_INT, PF_QUERY, 1, 1LL << 53, 0 },
	END
};
static const struct param_rule p_import_run[] = {
	{ "id", P_INT, PF_PATH, 1, 1LL << 53, 0 },
	END
};
static const struct param_rule p_alias_add[] = {
	{ "alias", P_LINE, PF_FORM | PF_REQUIRED, 1, 200, 0 },
	{ "org", P_SLUG, PF_FORM | PF_REQUIRED, 1, 120, 0 },
	END
};

#define EDITABLE(path) \
	{ HTTP_GET, path "/new", page_record_new, ACCESS_STAFF, 0, p_prefill }, \
	{ HTTP_POST, path "/new", page_record_create, ACCESS_STAFF, 0, p_record_new }, \
	{ HTTP_GET, path "/{key}/edit", page_record_edit, ACCESS_STAFF, 0, p_key }, \
	{ HTTP_POST, path "/{key}/edit", page_record_update, ACCESS_STAFF, 0, p_record }, \
	{ HTTP_POST, path "/{key}/delete", page_record_delete, ACCESS_STAFF, 0, p_key }, \
	{ HTTP_GET, path "/{key}/history", page_record_history, ACCESS_STAFF, 0, p_key }

const struct route routes[] = {
	{ HTTP_GET, "/", page_home, ACCESS_PUBLIC, RF_JSON, NULL },
	/* Editing before the pages: /orgs/new must not be read as the organization "new". */
	/* Editing, history, merges. */
	EDITABLE("/orgs"), EDITABLE("/people"), EDITABLE("/affiliations"), EDITABLE("/events"),
	EDITABLE("/sessions"), EDITABLE("/bodies"), EDITABLE("/roles"), EDITABLE("/projects"),
	EDITABLE("/reports"),
	{ HTTP_GET, "/people/{key}/merge", page_merge_form, ACCESS_STAFF, 0, p_merge_form },
	{ HTTP_POST, "/people/{key}/merge", page_merge, ACCESS_STAFF, 0, p_merge },
	{ HTTP_GET, "/orgs/{key}/merge", page_merge_form, ACCESS_STAFF, 0, p_merge_form },
	{ HTTP_POST, "/orgs/{key}/merge", page_merge, ACCESS_STAFF, 0, p_merge },
	{ HTTP_GET, "/history", page_history, ACCESS_STAFF, 0, p_history },
	{ HTTP_GET, "/admin/import", page_import_form, ACCESS_STAFF, 0, NULL },
	{ HTTP_POST, "/admin/import", page_import_preview, ACCESS_STAFF, 0, p_import },
	{ HTTP_POST, "/admin/import/confirm", page_import_confirm, ACCESS_STAFF, 0, p_import_confirm },
	{ HTTP_POST, "/admin/import/cancel", page_import_cancel, ACCESS_STAFF, 0, p_import_token },
	{ HTTP_GET, "/admin/imports", page_imports, ACCESS_STAFF, 0, p_imports },
	{ HTTP_POST, "/admin/imports/{id}/undo", page_import_undo, ACCESS_STAFF, 0, p_import_run },
	{ HTTP_GET, "/admin/aliases", page_aliases, ACCESS_STAFF, 0, NULL },
	{ HTTP_POST, "/admin/aliases", page_alias_add, ACCESS_STAFF, 0, p_alias_add },
	{ HTTP_POST, "/admin/aliases/{id}/delete", page_alias_delete, ACCESS_STAFF, 0, p_import_run },
	{ HTTP_POST, "/history/{id}/restore", page_restore, ACCESS_STAFF, 0, p_restore },
	{ HTTP_GET, "/orgs", page_orgs, ACCESS_PUBLIC, RF_JSON, p_list },
	{ HTTP_GET, "/orgs/{slug}", page_org, ACCESS_PUBLIC, RF_JSON, p_slug_page },
	{ HTTP_GET, "/orgs/{slug}/report", page_report, ACCESS_PUBLIC, RF_JSON, p_report },
	{ HTTP_GET, "/people", page_people, ACCESS_PUBLIC, RF_JSON, p_list },
	{ HTTP_GET, "/people/{slug}", page_person, ACCESS_PUBLIC, RF_JSON, p_slug_page },
	{ HTTP_GET, "/events", page_events, ACCESS_PUBLIC, RF_JSON, p_list },
	{ HTTP_GET, "/events/{slug}", page_event, ACCESS_PUBLIC, RF_JSON, p_event },
	{ HTTP_GET, "/sessions/{id}", page_session, ACCESS_PUBLIC, RF_JSON, p_session },
	{ HTTP_GET, "/bodies", page_bodies, ACCESS_PUBLIC, RF_JSON, NULL },
	{ HTTP_GET, "/bodies/{slug}", page_body, ACCESS_PUBLIC, RF_JSON, p_slug_page },
	{ HTTP_GET, "/search", page_search, ACCESS_PUBLIC, RF_JSON | RF_OFFLOAD, p_search },

	/* Accounts. */
	{ HTTP_GET, "/login", page_login_form, ACCESS_OPEN, RF_NOCSRF, p_login_form },
	{ HTTP_POST, "/login", page_login, ACCESS_OPEN, RF_NOCSRF, p_login },
	{ HTTP_POST, "/logout", page_logout, ACCESS_MEMBER, 0, NULL },
	{ HTTP_GET, "/me", page_me, ACCESS_MEMBER, 0, p_me },
	{ HTTP_POST, "/me", page_me_save, ACCESS_MEMBER, 0, p_me },
	{ HTTP_GET, "/admin/users", page_admin_users, ACCESS_ADMIN, 0, NULL },
	{ HTTP_POST, "/admin/users", page_admin_user_add, ACCESS_ADMIN, 0, p_user_add },
	{ HTTP_POST, "/admin/users/{id}", page_admin_user_update, ACCESS_ADMIN, 0, p_user_update },
	{ HTTP_POST, "/admin/users/{id}/reset", page_admin_user_reset, ACCESS_ADMIN, 0, p_user_id },
	{ HTTP_POST, "/me/password", page_me_password, ACCESS_MEMBER, 0, p_password },
	{ HTTP_POST, "/me/logins/end", page_me_login_end, ACCESS_MEMBER, 0, p_login_end },
	{ HTTP_GET, "/reset", page_reset_form, ACCESS_OPEN, RF_NOCSRF, p_reset_form },
	{ HTTP_POST, "/reset", page_reset, ACCESS_OPEN, RF_NOCSRF, p_reset },

	{ HTTP_GET, "/healthz", page_health, ACCESS_OPEN, 0, NULL },
	{ HTTP_GET, "/assets/{name}", page_asset, ACCESS_OPEN, 0, p_asset },
	/* Exports (page_export.c). */
	{ HTTP_GET, "/export/speakers.csv", page_export_speakers_csv, ACCESS_PUBLIC, 0, p_export_speakers },
	{ HTTP_GET, "/export/speakers.json", page_export_speakers_json, ACCESS_PUBLIC, 0, p_export_speakers },
	/* The export form shows nothing of the registry (what it sends is public): open, and never
	 * in the page cache (its options differ for staff: RF_NOCSRF has an open route read the login,
	 * as the login form's does). */
	{ HTTP_GET, "/export", page_export_form, ACCESS_OPEN, RF_NOCSRF, p_export_speakers },
	{ HTTP_GET, "/export/speakers", page_export_speakers_any, ACCESS_PUBLIC, 0, p_export_speakers },
	{ HTTP_GET, "/export/roles.csv", page_export_roles_csv, ACCESS_PUBLIC, 0, p_export_roles },
	{ HTTP_GET, "/export/roles.json", page_export_roles_json, ACCESS_PUBLIC, 0, p_export_roles },
	{ HTTP_GET, "/export/roles.xlsx", page_export_roles_xlsx, ACCESS_PUBLIC, 0, p_export_roles },
	{ HTTP_GET, "/export/speakers.xlsx", page_export_speakers_xlsx, ACCESS_PUBLIC, 0, p_export_speakers },
	{ HTTP_GET, "/events/{slug}/schedule.xml", page_export_schedule_xml, ACCESS_PUBLIC, 0, p_export_slug },
	{ HTTP_GET, "/events/{slug}/schedule.ics", page_export_schedule_ics, ACCESS_PUBLIC, 0, p_export_slug },
	{ HTTP_GET, "/people/{slug}/talks.ics", page_export_talks_ics, ACCESS_PUBLIC, 0, p_export_slug },
	{ HTTP_GET, "/me/history.csv", page_export_history, ACCESS_MEMBER, 0, p_export_history },
	{ HTTP_GET, "/me/organization/speakers.csv", page_export_my_org, ACCESS_MEMBER, 0, p_export_history },
};

const size_t routes_count = sizeof(routes) / sizeof(routes[0]);
