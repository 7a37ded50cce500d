/* test_gov_yaml.c: sigs.yaml and tags.yaml in their real shapes from 2017 to 2025, anchors,
 * and the files that must be refused (billion laughs, depth, size, not YAML). */
#include "unit.h"
#include "data.h"

#include "core/buf.h"
#include "import/gov_yaml.h"

static void
collect(void *arg, int line, const char *message)
{
	buf_appendf(arg, "%d: %s\n", line, message);
}

#define S(x)	((x) ? (x) : "-")

/* Bodies as "slug kind parent 'name' url" and their roles below, one a line. */
static void
render(const struct gov_bodies *o, struct buf *b)
{
	for (size_t i = 0; i < o->n; i++) {
		const struct gov_body *y = &o->bodies[i];

		buf_appendf(b, "%s %s %s '%s' %s\n", y->slug, gov_body_kind_code(y->kind),
		    S(y->parent), y->name, S(y->url));
		for (size_t j = 0; j < y->nroles; j++) {
			const struct gov_role *r = &y->roles[j];

			buf_appendf(b, "  %s %s '%s' '%s' %s..%s\n", gov_role_code(r->role),
			    S(r->github), S(r->name), S(r->company), r->term_start, r->term_end);
		}
	}
}

static void
check(const char *path, const char *want, const char *warnings, struct gov_bodies **keep)
{
	struct buf w = BUF_INIT, b = BUF_INIT;
	struct gov_bodies *o;
	struct gov_err err = { 0, "" };
	size_t len;
	char *text = data_file(path, &len);

	if (gov_yaml_parse(text, len, collect, &w, &o, &err) != 0)
		printf("# %s:%d: %s\n", path, err.line, err.msg);
	assert_non_null(o);
	render(o, &b);
	if (strcmp(b.data, want))
		printf("# got\n%s", b.data);
	assert_str(b.data, want);
	if (strcmp(w.data, warnings))
		printf("# warnings\n%s", w.data);
	assert_str(w.data, warnings);
	if (keep)
		*keep = o;
	else
		gov_bodies_free(o);
	buf_release(&w);
	buf_release(&b);
	free(text);
}

static void
sigs_2017(void **state)
{
	static const char want[] =
	    "sig-api-machinery k8s_sig kubernetes 'API Machinery' "
	    "https://github.com/kubernetes/community/tree/master/sig-api-machinery\n"
	    "  lead lavalamp 'Daniel Smith' 'Google' ..\n"
	    "  lead deads2k 'David Eads' 'Red Hat' ..\n"
	    "sig-apps k8s_sig kubernetes 'Apps' https://github.com/kubernetes/community/tree/master/sig-apps\n"
	    "  lead michelleN 'Michelle Noorali' 'Microsoft' ..\n"
	    "  lead mattfarina 'Matt Farina' 'Samsung SDS' ..\n"
	    "wg-resource-management working_group kubernetes 'Resource Management' "
	    "https://github.com/kubernetes/community/tree/master/wg-resource-management\n"
	    "  lead vishh 'Vishnu Kannan' 'Google' ..\n";
	struct gov_bodies *o;

	(void)state;
	check("tests/data/gov/sigs-2017.yaml", want, "", &o);
	assert_str(o->bodies[0].mission, "Covers all aspects of API server, API registration and "
	    "discovery, generic API CRUD semantics, admission control, encoding/decoding, "
	    "conversion, defaulting, persistence layer (etcd), OpenAPI, third-party resource, "
	    "garbage collection, and client libraries.");
	assert_int_equal(o->bodies[0].line, 2);
	assert_int_equal(o->bodies[0].roles[1].line, 13);
	gov_bodies_free(o);
}

static void
sigs_2020(void **state)
{
	static const char want[] =
	    "sig-storage k8s_sig kubernetes 'Storage' "
	    "https://github.com/kubernetes/community/tree/master/sig-storage\n"
	    "  chair saad-ali 'Saad Ali' 'Google' ..\n"
	    "  chair xing-yang 'Xing Yang' 'VMware' ..\n"
	    "  tech-lead jsafrane 'Jan \xc5\xa0\x61\x66r\xc3\xa1nek' 'Red Hat' ..\n"
	    "  tech-lead msau42 'Michelle Au' 'Google' ..\n"
	    "  emeritus childsb 'Bradley Childs' '-' ..\n"
	    "wg-component-standard working_group kubernetes 'Component Standard' "
	    "https://github.com/kubernetes/community/tree/master/wg-component-standard\n"
	    "  chair mtaufen 'Michael Taufen' 'Google' ..\n"
	    "  chair sttts 'Dr. Stefan Schimanski' 'Red Hat' ..\n"
	    "ug-vmware-users user_group kubernetes 'VMware Users' "
	    "https://github.com/kubernetes/community/tree/master/ug-vmware-users\n"
	    "  chair cantbewong 'Steve Wong' 'VMware' ..\n"
	    "  tech-lead phenixblue 'Joe Searcy' 'T-Mobile' ..\n"
	    "committee-code-of-conduct committee kubernetes 'Code of Conduct' "
	    "https://github.com/kubernetes/community/tree/master/committee-code-of-conduct\n"
	    "  chair AevaOnline 'Aeva van der Veen' 'Microsoft' ..\n"
	    "committee-steering committee kubernetes 'Steering' "
	    "https://github.com/kubernetes/community/tree/master/committee-steering\n"
	    "  chair cblecker 'Christoph Blecker' 'Red Hat' ..\n"
	    "  chair - 'Someone Else' 'Example' ..\n";

	(void)state;
	check("tests/data/gov/sigs-2020.yaml", want,
	    "103: 'not a login' is not a GitHub login: kept without it\n", NULL);
}

static void
tags_first_version(void **state)
{
	static const char want[] =
	    "tag-developer-experience tag toc 'TAG Developer Experience' "
	    "https://github.com/cncf/toc/tree/main/tags/tag-developer-experience\n"
	    "mentoring-subproject tag_subproject toc 'Mentoring SubProject' "
	    "https://github.com/cncf/toc/tree/main/toc_subprojects/mentoring-subproject\n"
	    "  chair nate-double-u 'Nate Waddington' 'The Linux Foundation' ..\n";
	static const char warnings[] =
	    "9: a placeholder leader ('foo'): skipped\n"
	    "15: a placeholder leader ('foo'): skipped\n"
	    "23: a placeholder leader ('foobar'): skipped\n"
	    "26: a group without dir ('Developer Experience-sub-foo'): skipped\n"
	    "31: a placeholder leader ('foo'): skipped\n";

	(void)state;
	check("tests/data/gov/tags-2025-first.yaml", want, warnings, NULL);
}

static void
tags_2025(void **state)
{
	static const char want[] =
	    "tag-operational-resilience tag toc 'TAG Operational Resilience' "
	    "https://github.com/cncf/toc/tree/main/tags/tag-operational-resilience\n"
	    "  chair mfahlandt 'Mario Fahlandt' '-' 2025-07-01..2027-06-30\n"
	    "  chair brito-rafa 'Rafael Brito' '-' 2025-07-01..2026-06-30\n"
	    "  tech-lead palnabarun 'Nabarun Pal' 'Broadcom' 2025-07-02..\n"
	    "  liaison jeremyrickard 'Jeremy Rickard' '-' ..\n"
	    "green-reviews tag_subproject tag-operational-resilience 'Green Reviews' -\n"
	    "  lead nikimanoledaki 'Niki Manoledaki' 'Grafana Labs' ..\n"
	    "  lead AntonioDiTuri 'Antonio Di Turi' 'Data Reply DE' ..\n"
	    "tag-workloads-foundation tag toc 'TAG Workloads Foundation' "
	    "https://github.com/cncf/toc/tree/main/tags/tag-workloads-foundation\n"
	    "  chair terrytangyuan 'Yuan Tang' '-' 2025-07-01..\n"
	    "  liaison chira001 'Alex Chircop' '-' ..\n"
	    "  liaison kevin-wangzefeng 'Kevin Wang' '-' ..\n"
	    "batch tag_subproject tag-workloads-foundation 'Batch' -\n"
	    "  lead stackedsax 'Alex Scammon' 'G-Research and Insight Softmax Consulting' ..\n"
	    "  liaison rochaporto 'Ricardo Rocha' '-' ..\n"
	    "contributor-strategy-and-advocacy-subproject tag_subproject toc 'Contributor Strategy "
	    "and Advocacy SubProject' https://github.com/cncf/toc/tree/main/toc_subprojects/"
	    "contributor-strategy-and-advocacy-subproject\n"
	    "project-reviews-subproject tag_subproject toc 'Project Reviews SubProject' "
	    "https://github.com/cncf/toc/tree/main/toc_subprojects/project-reviews-subproject\n"
	    "  liaison angellk 'Karena Angell' '-' ..\n";
	static const char warnings[] =
	    "34: term date '2027-06-31' is not YYYY-MM-DD: skipped\n"
	    "67: a term that ends before it starts: the end is skipped\n"
	    "98: 'The Contributor Strategy and Advocacy Su...' is not a person: skipped\n"
	    "107: a leader with neither github nor name: skipped\n";
	struct gov_bodies *o;

	(void)state;
	check("tests/data/gov/tags-2025.yaml", want, warnings, &o);
	assert_str(o->bodies[1].mission, "The purpose of the Green Reviews Subproject is to help "
	    "CNCF projects to review their cloud native sustainability footprint.\n"
	    "To support CNCF projects, there is a need for a systematic approach.");
	assert_str(o->bodies[3].mission, "The cloud-native batch scheduling ecosystem is fragmented.");
	gov_bodies_free(o);
}

static void
anchors_and_aliases(void **state)
{
	static const char want[] =
	    "sig-architecture k8s_sig kubernetes 'Architecture' "
	    "https://github.com/kubernetes/community/tree/master/sig-architecture\n"
	    "  chair dims 'Davanum Srinivas' 'VMware' ..\n"
	    "  chair johnbelamaric 'John Belamaric' 'Google' ..\n"
	    "sig-arch-copy k8s_sig kubernetes 'Architecture' "
	    "https://github.com/kubernetes/community/tree/master/sig-arch-copy\n"
	    "  chair derekwaynecarr 'Derek Carr' 'Red Hat' ..\n"
	    "sig-node k8s_sig kubernetes 'Node' https://github.com/kubernetes/community/tree/master/sig-node\n"
	    "  chair derekwaynecarr 'Derek Carr' 'Red Hat' ..\n";

	(void)state;
	check("tests/data/gov/anchors.yaml", want, "2: unknown top-level key 'leaders': skipped\n",
	    NULL);
}

/* Parses text and expects a refusal whose message contains what. */
static void
refuse(const char *text, size_t len, const char *what)
{
	struct gov_bodies *o = (struct gov_bodies *)1;
	struct gov_err err = { 0, "" };

	assert_int_equal(gov_yaml_parse(text, len, NULL, NULL, &o, &err), -1);
	assert_null(o);
	if (!strstr(err.msg, what))
		printf("# %d: %s\n", err.line, err.msg);
	assert_non_null(strstr(err.msg, what));
}

static void
refused(void **state)
{
	static const char laughs[] =
	    "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
	    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
	    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	    "sigs: [*g]\n";
	struct buf b = BUF_INIT;

	(void)state;
	refuse(laughs, sizeof(laughs) - 1, "billion laughs");
	for (int i = 0; i < 40; i++)
		buf_puts(&b, "[");
	refuse(b.data, b.len, "top of the file is not a mapping");
	buf_reset(&b);
	buf_puts(&b, "sigs:\n");
	for (int i = 0; i < 40; i++)
		buf_appendf(&b, "%*s- \n", i * 2, "");
	refuse(b.data, b.len, "deeper than 32");
	buf_reset(&b);
	buf_puts(&b, "sigs: ");
	for (int i = 0; i < 60000; i++)
		buf_puts(&b, "[");
	refuse(b.data, b.len, "deeper than 32");
	for (int i = 0; i < 10000; i++)
		buf_puts(&b, "[");
	refuse(b.data, b.len, "line longer than");
	refuse("sigs: []\n---\ntags: []\n", 22, "more than one YAML document");
	refuse("- a\n- b\n", 8, "not a mapping");
	refuse("just text\n", 10, "not a mapping");
	refuse("sigs: [\n", 8, "not YAML");
	refuse("sigs: *nothing\n", 15, "an alias to no anchor");
	refuse("sigs: &x [*x]\n", 14, "an alias inside its own anchor");
	refuse("owners: []\n", 11, "neither sigs.yaml nor tags.yaml");
	refuse("sigs:\n- dir: sig-a\n  name: J\xc3\x28\n", 31, "UTF-8");
	refuse("sigs:\n- dir: sig-a\n  name: \"a\\0b\"\n", 34, "not UTF-8 text");
	refuse("sigs:\n- dir: sig-a\n  name: \"\\ud800\"\n", 36, "not YAML");
	buf_reset(&b);
	buf_puts(&b, "sigs: []\nx: \"");
	for (int i = 0; i < (int)(GOV_YAML_FILE_MAX / 60); i++)
		buf_puts(&b, "0123456789012345678901234567890123456789012345678901234567\\\n");
	buf_puts(&b, "0123456789\"\n");
	refuse(b.data, b.len, "larger than");
	buf_release(&b);
}

static void
codes(void **state)
{
	(void)state;
	assert_str(gov_body_kind_code(GOV_TAG_SUBPROJECT), "tag_subproject");
	assert_str(gov_role_code(GOV_TECH_LEAD), "tech-lead");
	assert_null(gov_role_code(GOV_ROLE_KIND__MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sigs_2017),
		cmocka_unit_test(sigs_2020),
		cmocka_unit_test(tags_first_version),
		cmocka_unit_test(tags_2025),
		cmocka_unit_test(anchors_and_aliases),
		cmocka_unit_test(refused),
		cmocka_unit_test(codes),
	};

	return cmocka_run_group_tests_name("gov_yaml", tests, NULL, NULL);
}
