/*
 * gov_yaml.h: kubernetes/community sigs.yaml and cncf/toc tags.yaml read into bodies and
 * their leadership roles, through libyaml's event parser.
 *
 * sigs.yaml: top-level sigs, workinggroups, committees, usergroups; each group has dir,
 * name, mission_statement, leadership {chairs, tech_leads, emeritus_leads} of
 * {github, name, company}, contact.liaison (a Steering liaison), subprojects (not bodies
 * here); before 2018 a group's leaders were a plain "leads" list.
 * tags.yaml: top-level tags and toc_subprojects, the same shape plus term {start, end} per
 * leader, contact.toc_liaison (a mapping in early versions, a list later) and
 * tag_subprojects with leadership.subproject_leads.
 * Anchors and aliases (and "<<" merges) are followed within limits; a file whose aliases
 * expand past them is refused, as are files too large or too deep.
 */
#ifndef LECTERN_GOV_YAML_H
#define LECTERN_GOV_YAML_H
#include <stddef.h>

#include "import/gov.h"

#define GOV_YAML_FILE_MAX	(8u << 20)	/* bytes of YAML read */
#define GOV_YAML_LINE_MAX	(64u << 10)
#define GOV_YAML_DEPTH_MAX	32		/* nested collections (the real files: 8) */
#define GOV_YAML_EVENTS_MAX	1000000		/* parser events, aliases included */
#define GOV_YAML_ALIAS_MAX	100000		/* events replayed for aliases */
#define GOV_YAML_BODIES_MAX	5000
#define GOV_YAML_ROLES_MAX	1000		/* per body */

enum gov_body_kind {
	GOV_K8S_SIG,		/* "k8s_sig": sigs */
	GOV_WORKING_GROUP,	/* "working_group": workinggroups */
	GOV_COMMITTEE,		/* "committee": committees */
	GOV_USER_GROUP,		/* "user_group": usergroups */
	GOV_TAG,		/* "tag": tags */
	GOV_TAG_SUBPROJECT,	/* "tag_subproject": a TAG's tag_subprojects, and toc_subprojects */
	GOV_BODY_KIND__MAX
};

enum gov_role_kind {
	GOV_CHAIR,		/* "chair": chairs */
	GOV_TECH_LEAD,		/* "tech-lead": tech_leads */
	GOV_EMERITUS,		/* "emeritus": emeritus_leads */
	GOV_LIAISON,		/* "liaison": contact.toc_liaison, contact.liaison */
	GOV_LEAD,		/* "lead": subproject_leads, and the "leads" of 2017 */
	GOV_ROLE_KIND__MAX
};

struct gov_role {
	enum gov_role_kind	 role;
	char			*github;	/* a valid login, or NULL */
	char			*name;		/* or NULL */
	char			*company;	/* or NULL when the file gives none */
	char			 term_start[GOV_DATE_LEN];	/* "" when not given */
	char			 term_end[GOV_DATE_LEN];
	int			 line;
};

struct gov_body {
	char			*slug;		/* from dir */
	char			*name;
	enum gov_body_kind	 kind;
	char			*parent;	/* "kubernetes", "toc", or the TAG's slug */
	char			*url;		/* the group's folder in its repository, or NULL */
	char			*mission;	/* mission_statement, trimmed, or NULL */
	struct gov_role		*roles;
	size_t			 nroles;
	int			 line;
};

struct gov_bodies {
	struct gov_body	*bodies;	/* in file order; a TAG before its subprojects */
	size_t		 n;
};

const char	*gov_body_kind_code(enum gov_body_kind);
const char	*gov_role_code(enum gov_role_kind);

/*
 * Reads sigs.yaml or tags.yaml from text (len bytes). Returns 0 and *out (the caller's:
 * gov_bodies_free), warning through warn about each entry skipped (no dir, no person, a
 * placeholder, a date or login that is not one, an unknown leadership key); or -1 with err
 * set when the file is refused: not YAML, more than one document, the limits above, or
 * neither file's top-level keys.
 */
int		 gov_yaml_parse(const char *text, size_t len, gov_warn_fn warn, void *arg,
		    struct gov_bodies **out, struct gov_err *err);
void		 gov_bodies_free(struct gov_bodies *);

#endif
