/* vocab.c: the registry's enumerations as tables (see vocab.h). */
#include <string.h>

#include "core/vocab.h"

#define TERM_(code, label)	{ code, label },
#define TABLE_(name, TERMS)	static const struct vocab_term name[] = { TERMS(TERM_) }
#define VOCAB_(what, table, column, terms) { what, table, column, terms, sizeof(terms) / sizeof(terms[0]) }

TABLE_(session_kinds, TERMS_SESSION_KIND);
TABLE_(session_statuses, TERMS_SESSION_STATUS);
TABLE_(appearance_roles, TERMS_APPEARANCE_ROLE);
TABLE_(org_kinds, TERMS_ORG_KIND);
TABLE_(tiers, TERMS_TIER);
TABLE_(body_kinds, TERMS_BODY_KIND);
TABLE_(roles, TERMS_ROLE);
TABLE_(seat_types, TERMS_SEAT_TYPE);
TABLE_(maturities, TERMS_MATURITY);

const struct vocab vocabs[VOCAB__MAX] = {
	[VOCAB_SESSION_KIND] = VOCAB_("session kind", "sessions", "kind", session_kinds),
	[VOCAB_SESSION_STATUS] = VOCAB_("session status", "sessions", "status", session_statuses),
	[VOCAB_APPEARANCE_ROLE] = VOCAB_("appearance role", "appearances", "role", appearance_roles),
	[VOCAB_ORG_KIND] = VOCAB_("organization kind", "organizations", "kind", org_kinds),
	[VOCAB_TIER] = VOCAB_("membership tier", "organizations", "tier", tiers),
	[VOCAB_BODY_KIND] = VOCAB_("body kind", "bodies", "kind", body_kinds),
	[VOCAB_ROLE] = VOCAB_("role", "roles", "role", roles),
	[VOCAB_SEAT_TYPE] = VOCAB_("seat type", "roles", "seat_type", seat_types),
	[VOCAB_MATURITY] = VOCAB_("project maturity", "projects", "maturity", maturities),
};

static const struct vocab_term *
find(enum vocab_id v, const char *code)
{
	for (size_t i = 0; code && v < VOCAB__MAX && i < vocabs[v].n; i++)
		if (strcmp(vocabs[v].terms[i].code, code) == 0)
			return &vocabs[v].terms[i];
	return NULL;
}

const char *
vocab_label(enum vocab_id v, const char *code)
{
	const struct vocab_term *t = find(v, code);

	return t ? t->label : code ? code : "";
}

int
vocab_has(enum vocab_id v, const char *code)
{
	return find(v, code) != NULL;
}
