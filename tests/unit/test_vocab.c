/* test_vocab.c: each enumeration is the same in C and in the schema's CHECK constraints (which SQL
 * cannot take from C), and the lists built from it say what they should. */
#include "unit.h"

#include "core/vocab.h"
#include "http/router.h"
#include "model/db.h"
#include "model/record.h"

static sqlite3 *db;

/* The quoted values of "column IN ('a', 'b')" in table's CREATE statement, as "a|b"; NULL when
 * the schema has no such list. */
static char *
check_list(const char *table, const char *column)
{
	sqlite3_stmt *st;
	struct buf want = BUF_INIT, out = BUF_INIT;
	const char *sql, *p;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
	    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	sql = (const char *)sqlite3_column_text(st, 0);
	buf_appendf(&want, "%s IN (", column);
	for (p = strstr(sql, want.data); p && p > sql && p[-1] != ' ' && p[-1] != '(';)
		p = strstr(p + 1, want.data);	/* "role IN (" is not "seat_role IN (" */
	if (p) {
		for (p += want.len; *p && *p != ')'; p++) {
			const char *end;

			if (*p != '\'' || (end = strchr(p + 1, '\'')) == NULL)
				continue;
			buf_appendf(&out, "%s%.*s", out.len ? "|" : "", (int)(end - p - 1), p + 1);
			p = end;
		}
	}
	sqlite3_finalize(st);
	buf_release(&want);
	return p ? buf_detach(&out, NULL) : NULL;
}

/* Whether set ("a|b") holds exactly the codes of v, in any order. */
static int
same_codes(const char *set, const struct vocab *v)
{
	size_t n = 1;

	for (const char *p = set; *p; p++)
		n += *p == '|';
	if (*set == '\0' || n != v->n)
		return 0;
	for (size_t i = 0; i < v->n; i++) {
		const char *p = set;
		size_t len = strlen(v->terms[i].code);
		int found = 0;

		while (!found && (p = strstr(p, v->terms[i].code)) != NULL) {
			found = (p == set || p[-1] == '|') && (p[len] == '|' || p[len] == '\0');
			p += len;
		}
		if (!found)
			return 0;
	}
	return 1;
}

static void
schema_checks_agree(void **state)
{
	(void)state;
	for (int v = 0; v < VOCAB__MAX; v++) {
		char *set = check_list(vocabs[v].table, vocabs[v].column);
		struct buf c = BUF_INIT;

		for (size_t i = 0; i < vocabs[v].n; i++)
			buf_appendf(&c, "%s%s", i ? "|" : "", vocabs[v].terms[i].code);
		if (set == NULL)
			fail_msg("%s: no CHECK (%s IN (...)) in the table %s", vocabs[v].name, vocabs[v].column,
			    vocabs[v].table);
		if (!same_codes(set, &vocabs[v]))
			fail_msg("%s: the schema's %s.%s allows %s, core/vocab.h says %s", vocabs[v].name,
			    vocabs[v].table, vocabs[v].column, set, c.data);
		buf_release(&c);
		free(set);
	}
}

/* The logins' roles are request.h's, not a vocabulary, but the schema lists them too. */
static void
user_roles_agree(void **state)
{
	char *set = check_list("users", "role");
	struct vocab_term terms[ROLE__MAX];
	struct vocab roles = { "login role", "users", "role", terms, 0 };

	(void)state;
	for (enum user_role r = ROLE_MEMBER; r < ROLE__MAX; r++)
		terms[roles.n++] = (struct vocab_term){ role_name(r), role_name(r) };
	assert_non_null(set);
	assert_true(same_codes(set, &roles));
	free(set);
}

/* The history's kind filter (the route table) names every kind of record there is. */
static void
history_kinds_agree(void **state)
{
	const char *set = NULL;
	struct buf want = BUF_INIT;

	(void)state;
	for (size_t i = 0; i < routes_count; i++)
		if (strcmp(routes[i].pattern, "/history") == 0)
			for (const struct param_rule *p = routes[i].params; p && p->name; p++)
				if (strcmp(p->name, "kind") == 0)
					set = p->set;
	for (unsigned i = 0; i < record_kinds_count; i++)
		buf_appendf(&want, "%s%s", i ? "|" : "", record_kinds[i].kind);
	assert_non_null(set);
	assert_str(set, want.data);
	buf_release(&want);
}

/* Labels: one for every code, none twice in a list; an unknown code is shown as it is. */
static void
labels(void **state)
{
	(void)state;
	for (int v = 0; v < VOCAB__MAX; v++)
		for (size_t i = 0; i < vocabs[v].n; i++) {
			assert_true(*vocabs[v].terms[i].label != '\0');
			for (size_t k = i + 1; k < vocabs[v].n; k++)
				assert_true(strcmp(vocabs[v].terms[i].label, vocabs[v].terms[k].label) != 0);
			assert_true(vocab_has(v, vocabs[v].terms[i].code));
		}
	assert_str(vocab_label(VOCAB_SESSION_KIND, "lightning"), "Lightning talk");
	assert_str(vocab_label(VOCAB_SEAT_TYPE, "end_user"), "EndUser-appointed");
	assert_str(vocab_label(VOCAB_ORG_KIND, "end_user"), "End user");
	assert_str(vocab_label(VOCAB_ROLE, "unheard-of"), "unheard-of");
	assert_str(vocab_label(VOCAB_ROLE, NULL), "");
	assert_str(VOCAB_SET(TERMS_SESSION_STATUS), "scheduled|cancelled");
	assert_str(VOCAB_OPTIONS(TERMS_SESSION_STATUS), "scheduled=Scheduled|cancelled=Cancelled");
	assert_str(VOCAB_OPTIONS_OR_NONE(TERMS_MATURITY),
	    "=None|sandbox=Sandbox|incubating=Incubating|graduated=Graduated|archived=Archived");
}

/* A select field's options and the set its value is checked against come from one list. */
static void
fields_agree(void **state)
{
	(void)state;
	for (unsigned k = 0; k < record_kinds_count; k++)
		for (const struct field *f = record_kinds[k].fields; f->name; f++) {
			const char *o;
			struct buf codes = BUF_INIT;

			if (f->widget != W_SELECT)
				continue;
			for (o = f->options; *o; o += strcspn(o, "|"), o += *o == '|') {
				size_t n = strcspn(o, "=");

				if (n)
					buf_appendf(&codes, "%s%.*s", codes.len ? "|" : "", (int)n, o);
			}
			assert_int_equal(f->kind, P_ENUM);
			assert_str(codes.data, f->set);
			buf_release(&codes);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(schema_checks_agree),
		cmocka_unit_test(user_roles_agree),
		cmocka_unit_test(history_kinds_agree),
		cmocka_unit_test(labels),
		cmocka_unit_test(fields_agree),
	};
	int rc;

	if ((db = db_open(":memory:", 1)) == NULL || db_migrate(db, 0) == -1)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	db_close(db);
	return rc;
}
