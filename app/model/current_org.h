/* current_org.h: SQL for the organization a person is with today, shared by the list exports (model only). */
#ifndef LECTERN_CURRENT_ORG_H
#define LECTERN_CURRENT_ORG_H

/* The organization a person is with today (an open or future-ending affiliation). */
#define CURRENT_ORG(person) \
	"(SELECT co.name FROM affiliations af JOIN organizations co ON co.id = af.org_id" \
	" WHERE af.person_id = " person \
	" AND (af.since IS NULL OR af.since <= date('now'))" \
	" AND (af.until IS NULL OR af.until > date('now'))" \
	" ORDER BY af.since IS NULL, af.since DESC LIMIT 1)"

#endif
