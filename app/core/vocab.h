/*
 * vocab.h: every enumeration of the registry, defined once: the code stored, the label shown,
 * in the order forms offer them. The route table's validators (VOCAB_SET), the edit forms'
 * options (VOCAB_OPTIONS), the renderers (vocab_label) and the schema's CHECK constraints
 * (compared with these lists by tests/unit/test_vocab.c, since SQL cannot read them) all
 * use these lists. To add a code: add it here, and write a migration for its CHECK.
 */
#ifndef LECTERN_VOCAB_H
#define LECTERN_VOCAB_H
#include <stddef.h>

/* The lists, as X-macros: X(code, label). */
#define TERMS_SESSION_KIND(X) X("keynote", "Keynote") X("talk", "Talk") X("lightning", "Lightning talk") \
	X("panel", "Panel") X("tutorial", "Tutorial/workshop") X("maintainer", "Maintainer track") \
	X("other", "Other")
#define TERMS_SESSION_STATUS(X) X("scheduled", "Scheduled") X("cancelled", "Cancelled")
#define TERMS_APPEARANCE_ROLE(X) X("speaker", "Speaker") X("moderator", "Moderator") \
	X("panelist", "Panelist") X("host", "Host")
#define TERMS_ORG_KIND(X) X("end_user", "End user") X("vendor", "Vendor") X("non_profit", "Non-profit") \
	X("academic", "Academic") X("other", "Other")
#define TERMS_TIER(X) X("platinum", "Platinum") X("gold", "Gold") X("silver", "Silver") \
	X("end_user_supporter", "End User Supporter") X("academic", "Academic") X("non_profit", "Non-profit")
#define TERMS_BODY_KIND(X) X("toc", "TOC") X("board", "Governing Board") X("tag", "TAG") X("sig", "SIG") \
	X("k8s_sig", "Kubernetes SIG") X("end_user_sig", "End User SIG") X("working_group", "Working group") \
	X("committee", "Committee") X("user_group", "User group") X("tag_subproject", "TAG subproject") \
	X("other", "Other")
#define TERMS_ROLE(X) X("chair", "Chair") X("co-chair", "Co-chair") X("tech-lead", "Tech lead") \
	X("member", "Member") X("liaison", "Liaison") X("seat", "Seat") X("lead", "Lead") \
	X("emeritus", "Emeritus lead") X("shadow", "Shadow")
/* The labels are CNCF's own for TOC seats. */
#define TERMS_SEAT_TYPE(X) X("gb", "GB-appointed") X("end_user", "EndUser-appointed") \
	X("maintainer", "Maintainer-appointed") X("toc", "TOC-appointed") X("alternate", "Alternate")
#define TERMS_MATURITY(X) X("sandbox", "Sandbox") X("incubating", "Incubating") X("graduated", "Graduated") \
	X("archived", "Archived")

#define VOCAB_CODE_(code, label)	"|" code
#define VOCAB_OPTION_(code, label)	"|" code "=" label
/* "a|b|c", a constant for a param_rule's P_ENUM set (params.h). */
#define VOCAB_SET(TERMS)		(&(TERMS(VOCAB_CODE_))[1])
/* The codes of two lists as one set (an export's role: a role or a seat type). */
#define VOCAB_SET2(TERMS, MORE)		(&(TERMS(VOCAB_CODE_) MORE(VOCAB_CODE_))[1])
/* "a=A|b=B", a constant for an edit form's select (record.h); with "None" first, for optional ones. */
#define VOCAB_OPTIONS(TERMS)		(&(TERMS(VOCAB_OPTION_))[1])
#define VOCAB_OPTIONS_OR_NONE(TERMS)	("=None" TERMS(VOCAB_OPTION_))

enum vocab_id {
	VOCAB_SESSION_KIND,
	VOCAB_SESSION_STATUS,
	VOCAB_APPEARANCE_ROLE,
	VOCAB_ORG_KIND,
	VOCAB_TIER,
	VOCAB_BODY_KIND,
	VOCAB_ROLE,
	VOCAB_SEAT_TYPE,
	VOCAB_MATURITY,
	VOCAB__MAX
};

struct vocab_term {
	const char	*code, *label;
};

struct vocab {
	const char		*name;		/* "session kind" */
	const char		*table, *column;	/* where the schema's CHECK keeps the same list */
	const struct vocab_term	*terms;
	size_t			 n;
};

extern const struct vocab	vocabs[VOCAB__MAX];

/* The label of code ("Lightning talk"); code itself when the list lacks it, "" for NULL. */
const char	*vocab_label(enum vocab_id, const char *code);
/* True when code is in the list. */
int		 vocab_has(enum vocab_id, const char *code);

#endif
