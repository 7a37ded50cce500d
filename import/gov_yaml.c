/*
 * gov_yaml.c: sigs.yaml and tags.yaml through libyaml's event parser (the shapes are in
 * gov_yaml.h). The only file that includes <yaml.h>.
 *
 * The events are read as they come, with a stack of what each open collection is (a list
 * of groups, a group, its leadership, a list of leaders, a leader, a term...). An anchored
 * node's events are kept so an alias can replay them through the same code; the replay is
 * counted, so a "billion laughs" file stops at GOV_YAML_ALIAS_MAX events.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "core/buf.h"
#include "core/mem.h"
#include "core/params.h"
#include "core/slug.h"
#include "import/gov_yaml.h"

#define NONE		SIZE_MAX
#define SCALAR_MAX	(64u << 10)
#define RECORD_MAX	(8u << 20)	/* bytes of anchored events kept */

/* What an open collection is, from where it sits. */
enum ctx {
	C_IGNORE, C_TOP, C_GROUPS, C_BODY, C_LEADERSHIP, C_ROLES, C_ROLE, C_TERM, C_CONTACT,
	C_SUBPROJECTS,
};

struct frame {
	enum ctx		ctx;
	int			map;		/* a mapping, else a sequence */
	int			has_key;	/* the mapping's next scalar is a value */
	char			key[48];	/* that value's key, folded (see fold()) */
	int			key_line;
	size_t			body, role;	/* what it belongs to, or NONE */
	enum gov_body_kind	group;		/* C_GROUPS, C_SUBPROJECTS: kind of the items */
	enum gov_role_kind	kind;		/* C_ROLES: role of the items */
	const char		*parent;	/* C_GROUPS: the items' parent slug */
	const char		*url_base;	/* C_GROUPS: where the items' dirs are */
};

/* An event as handled: libyaml's own, or a kept copy replayed for an alias. */
struct ev {
	yaml_event_type_t	 type;
	const char		*value;		/* a scalar's text; an alias's anchor */
	size_t			 len;
	int			 plain;
	const char		*anchor;	/* defined on this node, or NULL */
	int			 line;
};

/* An anchored node's events. */
struct rec {
	char		*name;
	struct ev	*evs;
	size_t		 n, cap;
	size_t		 depth;		/* the stack depth it opened at */
	int		 open;
};

/* What is known of a body until the end: its parent, or that it was dropped. */
struct side {
	size_t		 parent;	/* a TAG's index, or NONE */
	const char	*default_parent;
	const char	*url_base;
	int		 drop;
};

struct parse {
	gov_warn_fn		 warn;
	void			*arg;
	struct gov_err		*err;
	struct gov_bodies	*out;
	struct side		*side;
	size_t			 cap;
	struct frame		 stack[GOV_YAML_DEPTH_MAX];
	size_t			 depth;
	struct rec		*recs;
	size_t			 nrecs;
	size_t			 events, replayed, recorded;
	int			 docs, tops;
	int			 line;
};

static const char *const body_codes[GOV_BODY_KIND__MAX] = {
	"k8s_sig", "working_group", "committee", "user_group", "tag", "tag_subproject",
};
static const char *const role_codes[GOV_ROLE_KIND__MAX] = {
	"chair", "tech-lead", "emeritus", "liaison", "lead",
};

const char *
gov_body_kind_code(enum gov_body_kind k)
{
	return k < GOV_BODY_KIND__MAX ? body_codes[k] : NULL;
}

const char *
gov_role_code(enum gov_role_kind k)
{
	return k < GOV_ROLE_KIND__MAX ? role_codes[k] : NULL;
}

/* The top-level keys of both files (folded: see fold()). */
static const struct {
	const char		*key;
	enum gov_body_kind	 kind;
	const char		*parent;
	const char		*url;	/* where the group's dir lives */
} tops[] = {
	{ "sigs", GOV_K8S_SIG, "kubernetes", "https://github.com/kubernetes/community/tree/master/" },
	{ "workinggroups", GOV_WORKING_GROUP, "kubernetes",
	    "https://github.com/kubernetes/community/tree/master/" },
	{ "committees", GOV_COMMITTEE, "kubernetes",
	    "https://github.com/kubernetes/community/tree/master/" },
	{ "usergroups", GOV_USER_GROUP, "kubernetes",
	    "https://github.com/kubernetes/community/tree/master/" },
	{ "tags", GOV_TAG, "toc", "https://github.com/cncf/toc/tree/main/tags/" },
	{ "tocsubprojects", GOV_TAG_SUBPROJECT, "toc",
	    "https://github.com/cncf/toc/tree/main/toc_subprojects/" },
};

/* Leadership keys, compared with case, spaces and '_' ignored ("SubProject Leads"). */
static const struct {
	const char		*key;
	enum gov_role_kind	 kind;
} leader_keys[] = {
	{ "chairs", GOV_CHAIR }, { "techleads", GOV_TECH_LEAD },
	{ "emeritusleads", GOV_EMERITUS }, { "subprojectleads", GOV_LEAD },
	{ "leads", GOV_LEAD },
};

static int
fail(struct parse *ps, int line, const char *what)
{
	return gov_fail(ps->err, line, "%s", what);
}

static void	warn(struct parse *, int, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

static void
warn(struct parse *ps, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gov_vwarnf(ps->warn, ps->arg, line, fmt, ap);
	va_end(ap);
}

/* The key with case, spaces, '_' and '-' folded away. */
static void
fold(const char *key, char *out, size_t size)
{
	size_t k = 0;

	for (; *key && k + 1 < size; key++)
		if (*key != ' ' && *key != '_' && *key != '-')
			out[k++] = (char)(*key >= 'A' && *key <= 'Z' ? *key + 32 : *key);
	out[k] = '\0';
}

/* --- bodies and roles ------------------------------------------------------------------ */

static int
new_body(struct parse *ps, struct frame *f, const struct frame *parent)
{
	struct gov_bodies *o = ps->out;

	if (o->n == GOV_YAML_BODIES_MAX)
		return fail(ps, ps->line, "more groups than a file may hold");
	if (o->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 32;
		o->bodies = xrealloc(o->bodies, ps->cap * sizeof(o->bodies[0]));
		ps->side = xrealloc(ps->side, ps->cap * sizeof(ps->side[0]));
	}
	o->bodies[o->n] = (struct gov_body){ .kind = parent->group, .line = ps->line };
	ps->side[o->n] = (struct side){ parent->ctx == C_SUBPROJECTS ? parent->body : NONE,
	    parent->parent, parent->url_base, 0 };
	f->body = o->n++;
	return 0;
}

/* Opens a role in f's body; C_IGNORE past the limit per body. */
static void
new_role(struct parse *ps, struct frame *f, enum gov_role_kind kind)
{
	struct gov_body *b = &ps->out->bodies[f->body];

	if (b->nroles == GOV_YAML_ROLES_MAX) {
		warn(ps, ps->line, "more leaders than are read for %s: skipped", b->slug ? b->slug : "a group");
		f->ctx = C_IGNORE;
		return;
	}
	if ((b->nroles & (b->nroles - 1)) == 0)
		b->roles = xrealloc(b->roles, (b->nroles ? b->nroles * 2 : 4) * sizeof(b->roles[0]));
	b->roles[b->nroles] = (struct gov_role){ .role = kind, .line = ps->line };
	f->role = b->nroles++;
	f->ctx = C_ROLE;
}

static void
free_role(struct gov_role *r)
{
	free(r->github);
	free(r->name);
	free(r->company);
}

static void
free_body(struct gov_body *b)
{
	for (size_t i = 0; i < b->nroles; i++)
		free_role(&b->roles[i]);
	free(b->roles);
	free(b->slug);
	free(b->name);
	free(b->parent);
	free(b->url);
	free(b->mission);
}

/* --- where a collection sits ----------------------------------------------------------- */

static void
top_group(struct parse *ps, const struct frame *p, struct frame *f)
{
	for (size_t i = 0; i < sizeof(tops) / sizeof(tops[0]); i++)
		if (strcmp(p->key, tops[i].key) == 0) {
			if (!f->map) {
				f->ctx = C_GROUPS, f->group = tops[i].kind;
				f->parent = tops[i].parent, f->url_base = tops[i].url;
				ps->tops++;
			} else
				warn(ps, p->key_line, "'%s' is not a list: skipped", p->key);
			return;
		}
	warn(ps, p->key_line, "unknown top-level key '%s': skipped", p->key);
}

static void
leadership_key(struct parse *ps, const struct frame *p, struct frame *f)
{
	for (size_t i = 0; i < sizeof(leader_keys) / sizeof(leader_keys[0]); i++)
		if (strcmp(p->key, leader_keys[i].key) == 0) {
			if (f->map)
				new_role(ps, f, leader_keys[i].kind);
			else
				f->ctx = C_ROLES, f->kind = leader_keys[i].kind;
			return;
		}
	warn(ps, ps->line, "unknown leadership key '%s': skipped", p->key);
}

/* Sets f's ctx (and body or role) from its parent p. 0, or -1 when the file is refused. */
static int
place(struct parse *ps, const struct frame *p, struct frame *f)
{
	const char *k = p->map ? p->key : "";

	f->body = p->body, f->role = p->role;
	if (p->map && !p->has_key)
		return 0;	/* a collection used as a key */
	if (p->ctx == C_TOP)
		top_group(ps, p, f);
	else if ((p->ctx == C_GROUPS || p->ctx == C_SUBPROJECTS) && f->map) {
		f->ctx = C_BODY;
		return new_body(ps, f, p);
	} else if (p->ctx == C_BODY && strcmp(k, "leadership") == 0 && f->map)
		f->ctx = C_LEADERSHIP;
	else if (p->ctx == C_BODY && strcmp(k, "leads") == 0 && !f->map)
		f->ctx = C_ROLES, f->kind = GOV_LEAD;
	else if (p->ctx == C_BODY && strcmp(k, "contact") == 0 && f->map)
		f->ctx = C_CONTACT;
	else if (p->ctx == C_BODY && strcmp(k, "tagsubprojects") == 0 && !f->map &&
	    ps->out->bodies[p->body].kind == GOV_TAG)
		f->ctx = C_SUBPROJECTS, f->group = GOV_TAG_SUBPROJECT;
	else if (p->ctx == C_LEADERSHIP)
		leadership_key(ps, p, f);
	else if (p->ctx == C_ROLES && f->map)
		new_role(ps, f, p->kind);
	else if (p->ctx == C_ROLE && strcmp(k, "term") == 0 && f->map)
		f->ctx = C_TERM;
	else if (p->ctx == C_CONTACT && (strcmp(k, "tocliaison") == 0 ||
	    strcmp(k, "liaison") == 0)) {
		if (f->map)
			new_role(ps, f, GOV_LIAISON);
		else
			f->ctx = C_ROLES, f->kind = GOV_LIAISON;
	}
	return 0;
}

/* --- scalars --------------------------------------------------------------------------- */

/* The scalar's text to keep, or NULL for a null ("", "~", "null") or a refused value. */
static char *
text_of(struct parse *ps, const struct ev *e)
{
	static const char *const nulls[] = { "", "~", "null", "Null", "NULL" };
	const char *s = e->value;
	size_t n = e->len;

	while (n && strchr(" \t\r\n", s[n - 1]))
		n--;
	while (n && strchr(" \t\r\n", s[0]))
		s++, n--;
	for (size_t i = 0; e->plain && i < sizeof(nulls) / sizeof(nulls[0]); i++)
		if (strlen(nulls[i]) == n && memcmp(nulls[i], s, n) == 0)
			return NULL;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') {
			warn(ps, e->line, "a control character in '%s': value skipped",
			    ps->stack[ps->depth - 1].key);
			return NULL;
		}
	return n ? xstrndup(s, n) : NULL;
}

static void
set(char **field, char *value)
{
	free(*field);
	*field = value;
}

static void
term_date(struct parse *ps, const struct ev *e, char date[GOV_DATE_LEN])
{
	char *s = text_of(ps, e);

	date[0] = '\0';
	if (s && gov_date_ymd(s, strlen(s), date) == -1)
		warn(ps, e->line, "term date '%s' is not YYYY-MM-DD: skipped", s);
	free(s);
}

/* A scalar value under key f->key of the collection f. */
static void
value(struct parse *ps, struct frame *f, const struct ev *e)
{
	struct gov_body *b = f->body != NONE ? &ps->out->bodies[f->body] : NULL;
	struct gov_role *r = b && f->role != NONE ? &b->roles[f->role] : NULL;
	const char *k = f->key;

	if (f->ctx == C_TOP)
		top_group(ps, f, &(struct frame){ .map = 1 });	/* a scalar: not a list */
	else if (f->ctx == C_BODY && strcmp(k, "dir") == 0)
		set(&b->slug, text_of(ps, e));
	else if (f->ctx == C_BODY && strcmp(k, "name") == 0)
		set(&b->name, text_of(ps, e));
	else if (f->ctx == C_BODY && strcmp(k, "missionstatement") == 0)
		set(&b->mission, text_of(ps, e));
	else if (f->ctx == C_ROLE && strcmp(k, "github") == 0)
		set(&r->github, text_of(ps, e));
	else if (f->ctx == C_ROLE && strcmp(k, "name") == 0)
		set(&r->name, text_of(ps, e));
	else if (f->ctx == C_ROLE && strcmp(k, "company") == 0)
		set(&r->company, text_of(ps, e));
	else if (f->ctx == C_TERM && strcmp(k, "start") == 0)
		term_date(ps, e, r->term_start);
	else if (f->ctx == C_TERM && strcmp(k, "end") == 0)
		term_date(ps, e, r->term_end);
}

static int
scalar(struct parse *ps, const struct ev *e)
{
	struct frame *f = ps->depth ? &ps->stack[ps->depth - 1] : NULL;

	if (f == NULL)
		return fail(ps, e->line, "the top of the file is not a mapping");
	if (e->len > SCALAR_MAX)
		return fail(ps, e->line, "a value longer than 64 KiB");
	if (memchr(e->value, '\0', e->len) || !utf8_valid(e->value, e->len))
		return fail(ps, e->line, "a value that is not UTF-8 text");
	if (!f->map)
		return 0;
	if (!f->has_key) {
		char raw[sizeof(f->key)];
		size_t n = e->len < sizeof(raw) - 1 ? e->len : sizeof(raw) - 1;

		memcpy(raw, e->value, n);
		raw[n] = '\0';
		fold(raw, f->key, sizeof(f->key));
		f->has_key = 1;
		f->key_line = e->line;
		return 0;
	}
	value(ps, f, e);
	f->has_key = 0;
	return 0;
}

/* --- the end of a leader and of a group ------------------------------------------------ */

/* 0 to keep the role, -1 to drop it. */
static int
check_role(struct parse *ps, struct gov_role *r)
{
	if (r->github && r->github[0] == '@')
		memmove(r->github, r->github + 1, strlen(r->github));
	if ((r->github && (strcmp(r->github, "foo") == 0 || strcmp(r->github, "foobar") == 0)) &&
	    (r->name == NULL || strncmp(r->name, "Foo ", 4) == 0)) {
		warn(ps, r->line, "a placeholder leader ('%s'): skipped", r->github);
		return -1;
	}
	if (r->github && !gov_github_login(r->github, strlen(r->github))) {
		warn(ps, r->line, "'%s' is not a GitHub login: kept without it", r->github);
		set(&r->github, NULL);
	}
	if (r->github == NULL && r->name == NULL) {
		warn(ps, r->line, "a leader with neither github nor name: skipped");
		return -1;
	}
	if (r->github == NULL && strchr(r->name, ' ') && strlen(r->name) > 60) {
		warn(ps, r->line, "'%.40s...' is not a person: skipped", r->name);
		return -1;
	}
	if (r->term_start[0] && r->term_end[0] && strcmp(r->term_end, r->term_start) < 0) {
		warn(ps, r->line, "a term that ends before it starts: the end is skipped");
		r->term_end[0] = '\0';
	}
	return 0;
}

static void
finish_role(struct parse *ps, const struct frame *f)
{
	struct gov_body *b = &ps->out->bodies[f->body];

	/* A leader's subtree holds no other leader, so it is the body's last. */
	if (check_role(ps, &b->roles[f->role]) == -1) {
		free_role(&b->roles[f->role]);
		b->nroles--;
	}
}

static void
finish_body(struct parse *ps, const struct frame *f)
{
	struct gov_body *b = &ps->out->bodies[f->body];
	struct buf slug = BUF_INIT;

	if (b->slug == NULL) {
		warn(ps, b->line, "a group without dir ('%s'): skipped", b->name ? b->name : "?");
		ps->side[f->body].drop = 1;
		return;
	}
	slug_from_name(&slug, b->slug);
	set(&b->slug, buf_detach(&slug, NULL));
	for (size_t i = 0; i < f->body; i++)
		if (!ps->side[i].drop && ps->out->bodies[i].slug &&
		    strcmp(ps->out->bodies[i].slug, b->slug) == 0) {
			warn(ps, b->line, "dir '%s' again: this one skipped", b->slug);
			ps->side[f->body].drop = 1;
			return;
		}
	if (b->name == NULL)
		b->name = xstrdup(b->slug);
	if (ps->side[f->body].url_base) {
		buf_appendf(&slug, "%s%s", ps->side[f->body].url_base, b->slug);
		b->url = buf_detach(&slug, NULL);
	}
}

/* --- events ---------------------------------------------------------------------------- */

static int handle(struct parse *, const struct ev *);

static int
open_node(struct parse *ps, const struct ev *e)
{
	struct frame f = { .map = e->type == YAML_MAPPING_START_EVENT, .body = NONE,
	    .role = NONE };

	if (ps->depth == GOV_YAML_DEPTH_MAX)
		return fail(ps, e->line, "nested deeper than 32 levels");
	if (ps->depth == 0) {
		if (!f.map)
			return fail(ps, e->line, "the top of the file is not a mapping");
		f.ctx = C_TOP;
	} else if (ps->stack[ps->depth - 1].ctx != C_IGNORE &&
	    place(ps, &ps->stack[ps->depth - 1], &f) == -1)
		return -1;
	ps->stack[ps->depth++] = f;
	return 0;
}

static void
close_node(struct parse *ps)
{
	struct frame *f = &ps->stack[--ps->depth];

	if (f->ctx == C_ROLE)
		finish_role(ps, f);
	else if (f->ctx == C_BODY)
		finish_body(ps, f);
	if (ps->depth)
		ps->stack[ps->depth - 1].has_key = 0;
}

/* Keeps a copy of e in every open recording; opens one for an anchor. */
static int
record(struct parse *ps, const struct ev *e)
{
	if (e->anchor) {
		ps->recs = xrealloc(ps->recs, (ps->nrecs + 1) * sizeof(ps->recs[0]));
		ps->recs[ps->nrecs++] = (struct rec){ xstrdup(e->anchor), NULL, 0, 0, ps->depth, 1 };
	}
	for (size_t i = 0; i < ps->nrecs; i++) {
		struct rec *r = &ps->recs[i];

		if (!r->open)
			continue;
		ps->recorded += sizeof(*e) + e->len;
		if (ps->recorded > RECORD_MAX)
			return fail(ps, e->line, "anchors keep more than 8 MiB of the file");
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 16;
			r->evs = xrealloc(r->evs, r->cap * sizeof(r->evs[0]));
		}
		r->evs[r->n] = *e;
		r->evs[r->n].anchor = NULL;
		r->evs[r->n].value = e->value ? xstrndup(e->value, e->len) : NULL;
		r->n++;
	}
	return 0;
}

/* Closes the recordings whose node has just ended at the current depth. */
static void
record_end(struct parse *ps, const struct ev *e)
{
	for (size_t i = 0; i < ps->nrecs; i++)
		if (ps->recs[i].open && ps->recs[i].depth == ps->depth &&
		    (e->type == YAML_SCALAR_EVENT || e->type == YAML_MAPPING_END_EVENT ||
		    e->type == YAML_SEQUENCE_END_EVENT))
			ps->recs[i].open = 0;
}

/* Replays the events of the anchor an alias names; "<<: *anchor" merges a mapping's
 * entries into the current one. */
static int
alias(struct parse *ps, const struct ev *e)
{
	struct frame *f = ps->depth ? &ps->stack[ps->depth - 1] : NULL;
	struct rec *r = NULL;
	size_t from = 0, to;

	for (size_t i = ps->nrecs; i-- > 0 && r == NULL;)
		if (strcmp(ps->recs[i].name, e->value) == 0)
			r = &ps->recs[i];
	if (r == NULL || r->open)
		return fail(ps, e->line, r ? "an alias inside its own anchor" : "an alias to no anchor");
	to = r->n;
	if (f && f->map && f->has_key && strcmp(f->key, "<<") == 0 && r->n >= 2 &&
	    r->evs[0].type == YAML_MAPPING_START_EVENT) {
		from = 1, to = r->n - 1;
		f->has_key = 0;
	}
	for (size_t i = from; i < to; i++) {
		struct ev copy = r->evs[i];

		if (++ps->replayed > GOV_YAML_ALIAS_MAX)
			return fail(ps, e->line, "aliases expand past 100,000 events (a 'billion "
			    "laughs' file?)");
		copy.line = e->line;
		if (handle(ps, &copy) == -1)
			return -1;
	}
	return 0;
}

static int
handle(struct parse *ps, const struct ev *e)
{
	int rc = 0;

	ps->line = e->line;
	if (++ps->events > GOV_YAML_EVENTS_MAX)
		return fail(ps, e->line, "more than a million YAML events");
	if (e->type != YAML_ALIAS_EVENT && record(ps, e) == -1)
		return -1;
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++ps->docs > 1)
			rc = fail(ps, e->line, "more than one YAML document");
		break;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		rc = open_node(ps, e);
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		close_node(ps);
		break;
	case YAML_SCALAR_EVENT:
		rc = scalar(ps, e);
		break;
	case YAML_ALIAS_EVENT:
		rc = alias(ps, e);
		break;
	default:
		break;
	}
	record_end(ps, e);
	return rc;
}

/* --- the file -------------------------------------------------------------------------- */

static struct ev
event_of(const yaml_event_t *y)
{
	struct ev e = { y->type, NULL, 0, 0, NULL, (int)y->start_mark.line + 1 };

	if (y->type == YAML_SCALAR_EVENT) {
		e.value = (const char *)y->data.scalar.value;
		e.len = y->data.scalar.length;
		e.plain = y->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		e.anchor = (const char *)y->data.scalar.anchor;
	} else if (y->type == YAML_ALIAS_EVENT) {
		e.value = (const char *)y->data.alias.anchor;
		e.len = strlen(e.value);
	} else if (y->type == YAML_MAPPING_START_EVENT)
		e.anchor = (const char *)y->data.mapping_start.anchor;
	else if (y->type == YAML_SEQUENCE_START_EVENT)
		e.anchor = (const char *)y->data.sequence_start.anchor;
	return e;
}

static int
events(struct parse *ps, const char *text, size_t len)
{
	yaml_parser_t p;
	int rc = 0, done = 0;

	if (!yaml_parser_initialize(&p))
		return fail(ps, 0, "out of memory for the YAML parser");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (rc == 0 && !done) {
		yaml_event_t y;
		struct ev e;

		if (!yaml_parser_parse(&p, &y)) {
			rc = gov_fail(ps->err, (int)p.problem_mark.line + 1, "not YAML: %s",
			    p.problem ? p.problem : "a parse error");
			break;
		}
		e = event_of(&y);
		rc = handle(ps, &e);
		done = y.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&y);
	}
	yaml_parser_delete(&p);
	return rc;
}

/* Parents resolved now that every TAG's dir is known; dropped bodies let go. */
static void
finish(struct parse *ps)
{
	struct gov_bodies *o = ps->out;
	size_t k = 0;

	for (size_t i = 0; i < o->n; i++) {
		struct side *s = &ps->side[i];

		if (s->drop) {
			free_body(&o->bodies[i]);
			continue;
		}
		if (s->parent != NONE && !ps->side[s->parent].drop)
			o->bodies[i].parent = xstrdup(o->bodies[s->parent].slug);
		else if (s->default_parent)
			o->bodies[i].parent = xstrdup(s->default_parent);
		o->bodies[k++] = o->bodies[i];
	}
	o->n = k;
}

int
gov_yaml_parse(const char *text, size_t len, gov_warn_fn warn_fn, void *arg,
    struct gov_bodies **out, struct gov_err *err)
{
	struct parse ps = { .warn = warn_fn, .arg = arg, .err = err };
	int rc;

	*out = NULL;
	if (gov_text_check(text, len, GOV_YAML_FILE_MAX, GOV_YAML_LINE_MAX, err) == -1)
		return -1;
	ps.out = xcalloc(1, sizeof(*ps.out));
	rc = events(&ps, text, len);
	if (rc == 0 && ps.tops == 0)
		rc = fail(&ps, 0, "neither sigs.yaml nor tags.yaml: no sigs, workinggroups, "
		    "committees, usergroups, tags or toc_subprojects list");
	if (rc == 0)
		finish(&ps);
	for (size_t i = 0; i < ps.nrecs; i++) {
		for (size_t j = 0; j < ps.recs[i].n; j++)
			free((char *)ps.recs[i].evs[j].value);
		free(ps.recs[i].evs);
		free(ps.recs[i].name);
	}
	free(ps.recs);
	if (rc == 0)
		*out = ps.out;
	else {
		for (size_t i = 0; i < ps.out->n; i++)
			free_body(&ps.out->bodies[i]);
		free(ps.out->bodies);
		free(ps.out);
	}
	free(ps.side);
	return rc;
}

void
gov_bodies_free(struct gov_bodies *o)
{
	if (o == NULL)
		return;
	for (size_t i = 0; i < o->n; i++)
		free_body(&o->bodies[i]);
	free(o->bodies);
	free(o);
}
