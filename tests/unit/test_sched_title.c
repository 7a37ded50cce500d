/* test_sched_title.c: Sched session names in the shapes KubeCon schedules use, and event types. */
#include "unit.h"

#include "core/buf.h"
#include "import/sched_title.h"

/* One expected split. speakers: "Name (Position) @ Company" joined by "; ", a '*' after a
 * company named once for several speakers; review: 1 when the name must go to review. */
struct row {
	const char	*name;
	const char	*title;
	const char	*kind;
	const char	*speakers;
	int		 review;
};

static const struct row rows[] = {
	/* Keynotes, with and without company or position (kccncna19, kccnceu25). */
	{ "Keynote: Finding the Joy in Chaos Engineering - Ana Medina & Lenny Sharpe",
	    "Finding the Joy in Chaos Engineering", "keynote", "Ana Medina; Lenny Sharpe", 0 },
	{ "Keynote: Hello From the Other Side: Dispatches From a Kubernetes Attacker - Ian Coldwater",
	    "Hello From the Other Side: Dispatches From a Kubernetes Attacker", "keynote",
	    "Ian Coldwater", 0 },
	{ "Keynote: Kubernetes Project Update - Vicki Cheung", "Kubernetes Project Update",
	    "keynote", "Vicki Cheung", 0 },
	{ "Keynote: Opening Remarks - Vicki Cheung, KubeCon + CloudNativeCon North America 2019 Co-Chair",
	    "Opening Remarks", "keynote",
	    "Vicki Cheung (KubeCon + CloudNativeCon North America 2019 Co-Chair)", 0 },
	{ "Keynote: Closing Remarks - Vicki Cheung, KubeCon + CloudNativeCon North America 2019 Co-Chair, Lyft",
	    "Closing Remarks", "keynote",
	    "Vicki Cheung (KubeCon + CloudNativeCon North America 2019 Co-Chair) @ Lyft", 0 },
	{ "Keynote: Reflections - Kelsey Hightower, Staff Developer Advocate, Google",
	    "Reflections", "keynote", "Kelsey Hightower (Staff Developer Advocate) @ Google", 0 },
	{ "Keynote: Modernizing Virtualization Technology for Cloud Native Computing - Arjan van de Ven, Intel",
	    "Modernizing Virtualization Technology for Cloud Native Computing", "keynote",
	    "Arjan van de Ven @ Intel", 0 },
	{ "Keynote: NATS: Past, Present and the Future - Derek Collison, Founder and CEO, Synadia",
	    "NATS: Past, Present and the Future", "keynote",
	    "Derek Collison (Founder and CEO) @ Synadia", 0 },
	{ "Keynote: Closing Remarks - KubeCon + CloudNativeCon North America 2019 - Vicki Cheung & Bryan Liles",
	    "Closing Remarks - KubeCon + CloudNativeCon North America 2019", "keynote",
	    "Vicki Cheung; Bryan Liles", 0 },
	{ "Keynote: Welcome + Opening Remarks - Priyanka Sharma, Executive Director, Cloud Native Computing Foundation",
	    "Welcome + Opening Remarks", "keynote",
	    "Priyanka Sharma (Executive Director) @ Cloud Native Computing Foundation", 0 },
	{ "Keynote Panel: The State of Open Source Security - Emily Fox, Red Hat; Ricardo Rocha, CERN",
	    "The State of Open Source Security", "keynote",
	    "Emily Fox @ Red Hat; Ricardo Rocha @ CERN", 0 },
	{ "Sponsored Keynote: Bringing Confidential Computing to Kubernetes - Lachlan Evenson, Microsoft Azure",
	    "Bringing Confidential Computing to Kubernetes", "keynote",
	    "Lachlan Evenson @ Microsoft Azure", 0 },
	{ "Sponsored Keynote: Advancing Cilium Within the Kubernetes Ecosystem - Idit Levine, Solo.io",
	    "Advancing Cilium Within the Kubernetes Ecosystem", "keynote", "Idit Levine @ Solo.io", 0 },
	{ "Sponsored Keynote: Kubernetes as the Control Plane for the Hybrid Cloud - Clayton Coleman, Architect for Kubernetes and OpenShift, Red Hat",
	    "Kubernetes as the Control Plane for the Hybrid Cloud", "keynote",
	    "Clayton Coleman (Architect for Kubernetes and OpenShift) @ Red Hat", 0 },
	{ "Sponsored Keynote: Scaling Smarter: Simplifying Multicluster AI with KAITO and KubeFleet - Jorge Palma, Principal PM Lead for Azure Kubernetes Services, Microsoft",
	    "Scaling Smarter: Simplifying Multicluster AI with KAITO and KubeFleet", "keynote",
	    "Jorge Palma (Principal PM Lead for Azure Kubernetes Services) @ Microsoft", 0 },
	{ "Sponsored Keynote: Anchoring Trust in the Age of AI: Identities Across Humans, Machines, and Models - Yuan Tang, Senior Principal Software Engineer, Red Hat & Anjali Telang, Senior Principal Product Manager for OpenShift Security and Identity, Red Ha...",
	    "Anchoring Trust in the Age of AI: Identities Across Humans, Machines, and Models",
	    "keynote", "Yuan Tang (Senior Principal Software Engineer) @ Red Hat; Anjali Telang "
	    "(Senior Principal Product Manager for OpenShift Security and Identity) @ Red Ha", 1 },
	{ "CiliumCon Sponsored Keynote: Liz Rice, Isovalent at Cisco", "CiliumCon Sponsored Keynote",
	    "keynote", "Liz Rice @ Isovalent at Cisco", 1 },
	{ "Keynote: CNCF Maintainer + Ambassador Awards - Chris Aniszczyk (@cra) CTO/COO, CNCF",
	    "CNCF Maintainer + Ambassador Awards - Chris Aniszczyk (@cra) CTO/COO, CNCF", "keynote",
	    "", 1 },
	/* Tutorials and workshops. */
	{ "Tutorial: Debug Your Kubernetes Apps - Arun Gupta & Re Alvarez Parmar, Amazon",
	    "Debug Your Kubernetes Apps", "tutorial",
	    "Arun Gupta @ Amazon*; Re Alvarez Parmar @ Amazon*", 0 },
	{ "Tutorial: Zero to Operator in 90 Minutes! - Solly Ross, Google",
	    "Zero to Operator in 90 Minutes!", "tutorial", "Solly Ross @ Google", 0 },
	{ "Tutorial: Attacking and Defending Kubernetes Clusters - Brad Geesaman, Jimmy Mesta, Tabitha Sable & Peter Benjamin",
	    "Attacking and Defending Kubernetes Clusters", "tutorial",
	    "Brad Geesaman; Jimmy Mesta; Tabitha Sable; Peter Benjamin", 1 },
	{ "Tutorial: From Notebook to Kubeflow Pipelines - Michelle Casbon, Stefano Fioravanzo & Ilias Katsakioris",
	    "From Notebook to Kubeflow Pipelines", "tutorial",
	    "Michelle Casbon @ Stefano Fioravanzo; Ilias Katsakioris", 1 },
	{ "Tutorial: A Kind Workflow for Contributors - Benjamin Elder, Google & Duffie Cooley, Isoval\xe2\x80\xa6",
	    "A Kind Workflow for Contributors", "tutorial",
	    "Benjamin Elder @ Google; Duffie Cooley @ Isoval", 1 },
	{ "Workshop: Hands-on With Cluster API - Jane Smith & John Doe, VMware; Ada Liu, Apple",
	    "Hands-on With Cluster API", "tutorial",
	    "Jane Smith @ VMware*; John Doe @ VMware*; Ada Liu @ Apple", 0 },
	/* Panels. */
	{ "Panel: Is Service Mesh Ready for Edge-Native Applications?",
	    "Is Service Mesh Ready for Edge-Native Applications?", "panel", "", 0 },
	{ "Panel: Improving and Managing Kubernetes at Scale - Xiang Li, Alibaba; Corin Dwyer, Netflix",
	    "Improving and Managing Kubernetes at Scale", "panel",
	    "Xiang Li @ Alibaba; Corin Dwyer @ Netflix", 0 },
	{ "Panel Discussion: The Future of Platform Engineering - Ana Garcia, Spotify; Li Wei, Ant Group; Sam O'Neil, Independent",
	    "The Future of Platform Engineering", "panel",
	    "Ana Garcia @ Spotify; Li Wei @ Ant Group; Sam O'Neil @ Independent", 0 },
	/* Lightning talks: the part after the name is often a role, not a company. */
	{ "Project Lightning Talk: ORAS: Create and Distribute a Multi-platform Image with Security Posture - Andrew Block, Maintainer",
	    "ORAS: Create and Distribute a Multi-platform Image with Security Posture", "lightning",
	    "Andrew Block (Maintainer)", 0 },
	{ "Project Lightning Talk: Dapr: Start Building Distributed Applications With Ease Using Building Block APIs - Marc Duiker, Community Manager",
	    "Dapr: Start Building Distributed Applications With Ease Using Building Block APIs",
	    "lightning", "Marc Duiker (Community Manager)", 0 },
	{ "Project Lightning Talk: Strimzi \xe2\x80\x93 What's New and What's Next - Gantigmaa Selenge, Contributor",
	    "Strimzi \xe2\x80\x93 What's New and What's Next", "lightning",
	    "Gantigmaa Selenge (Contributor)", 0 },
	{ "Project Lightning Talk: k0s: CNCF Sandbox Distro Updates - Jussi Nummelin, Technical lead",
	    "k0s: CNCF Sandbox Distro Updates", "lightning", "Jussi Nummelin (Technical lead)", 0 },
	{ "\xe2\x9a\xa1 Lightning Talk: Falco, Tracee and Tetragon: eBPF Runtime Observability and Security Tools Differences - Kyle Quest, Slim.AI",
	    "Falco, Tracee and Tetragon: eBPF Runtime Observability and Security Tools Differences",
	    "lightning", "Kyle Quest @ Slim.AI", 0 },
	{ "\xe2\x9a\xa1 Lightning Talk: SIG-Registries and Standardizing Package Management in WebAssembly - Bailey Hayes, Cosmonic and Kyle Brown, SingleStore",
	    "SIG-Registries and Standardizing Package Management in WebAssembly", "lightning",
	    "Bailey Hayes @ Cosmonic; Kyle Brown @ SingleStore", 1 },
	{ "Lightning Talk: Hot, Fresh Containers - How Containers Are Like Cookies! - Kaslin Fields, Google",
	    "Hot, Fresh Containers - How Containers Are Like Cookies!", "lightning",
	    "Kaslin Fields @ Google", 0 },
	/* Maintainer sessions: Maintainer Track, and the Intro / Deep Dive of 2017-2019. */
	{ "Deep Dive: Brigade - Matt Butcher & Radu Matei, Microsoft", "Brigade", "maintainer",
	    "Matt Butcher @ Microsoft*; Radu Matei @ Microsoft*", 0 },
	{ "Intro: Linkerd - William Morgan, Buoyant", "Linkerd", "maintainer",
	    "William Morgan @ Buoyant", 0 },
	{ "Intro + Deep Dive: Cluster API - Vince Prignano, VMware & Cecile Robert-Michon, Microsoft",
	    "Cluster API", "maintainer", "Vince Prignano @ VMware; Cecile Robert-Michon @ Microsoft",
	    0 },
	{ "Maintainer Track: Kubernetes SIG Node - Dawn Chen, Google & Derek Carr, Red Hat",
	    "Kubernetes SIG Node", "maintainer", "Dawn Chen @ Google; Derek Carr @ Red Hat", 0 },
	{ "SIG Network Intro and Deep Dive - Tim Hockin, Google & Bowei Du, Google",
	    "SIG Network Intro and Deep Dive", "talk", "Tim Hockin @ Google; Bowei Du @ Google", 0 },
	{ "Birds of a Feather: Multi-tenancy - Tasha Drew, VMware", "Multi-tenancy", "other",
	    "Tasha Drew @ VMware", 0 },
	/* Talks: companies shared, per speaker, with legal suffixes. */
	{ "Multiple Networks for Kubernetes Workloads - Piotr Skamruk, CodiLime & Doug Smith, Red Hat",
	    "Multiple Networks for Kubernetes Workloads", "talk",
	    "Piotr Skamruk @ CodiLime; Doug Smith @ Red Hat", 0 },
	{ "CoreDNS: Beyond the Basics - Cricket Liu, Infoblox & John Belamaric, Google",
	    "CoreDNS: Beyond the Basics", "talk", "Cricket Liu @ Infoblox; John Belamaric @ Google", 0 },
	{ "Take Envoy Beyond a K8s Service Mesh - to Legacy Bare Metal & VMs + More - Steve Sloka & Steven Wong",
	    "Take Envoy Beyond a K8s Service Mesh - to Legacy Bare Metal & VMs + More", "talk",
	    "Steve Sloka; Steven Wong", 0 },
	{ "Porting Envoy to Windows; A Progress Report - Yechiel Kalmenson & William A. Rowe, Jr., Pivotal",
	    "Porting Envoy to Windows; A Progress Report", "talk",
	    "Yechiel Kalmenson @ Pivotal*; William A. Rowe, Jr. @ Pivotal*", 0 },
	{ "Scaling Envoy - William A. Rowe, Jr.", "Scaling Envoy", "talk", "William A. Rowe, Jr.", 0 },
	{ "OpenFaaS Cloud + Linkerd: A Secure, Multi-Tenant Serverless Platform - Charles Pretzer, Buoyant & Alex Ellis, OpenFaaS, LTD",
	    "OpenFaaS Cloud + Linkerd: A Secure, Multi-Tenant Serverless Platform", "talk",
	    "Charles Pretzer @ Buoyant; Alex Ellis @ OpenFaaS, LTD", 0 },
	{ "Kubernetes at Reddit: Tales from Production - Greg Taylor, Reddit, Inc",
	    "Kubernetes at Reddit: Tales from Production", "talk", "Greg Taylor @ Reddit, Inc", 0 },
	{ "How Lombard Odier Deployed VPA to Increase Resource Usage Efficiency - Vincent Sevel, Lombard Odier SA",
	    "How Lombard Odier Deployed VPA to Increase Resource Usage Efficiency", "talk",
	    "Vincent Sevel @ Lombard Odier SA", 0 },
	{ "Storage on Kubernetes - Learning From Failures - Hemant Kumar & Jan \xc5\xa0\x61\x66r\xc3\xa1nek, Red Hat",
	    "Storage on Kubernetes - Learning From Failures", "talk",
	    "Hemant Kumar @ Red Hat*; Jan \xc5\xa0\x61\x66r\xc3\xa1nek @ Red Hat*", 0 },
	{ "Using TUF to Mitigate Repository Compromises - Marina Moore, NYU & Justin Cappos, NYU",
	    "Using TUF to Mitigate Repository Compromises", "talk",
	    "Marina Moore @ NYU; Justin Cappos @ NYU", 0 },
	{ "Creating a Micro Open-Source Community with Helm - Katie Gamanji, Cond\xc3\xa9 Nast International",
	    "Creating a Micro Open-Source Community with Helm", "talk",
	    "Katie Gamanji @ Cond\xc3\xa9 Nast International", 0 },
	{ "Wait, People Run Kubernetes on Mainframes? - Elizabeth K. Joseph, IBM",
	    "Wait, People Run Kubernetes on Mainframes?", "talk", "Elizabeth K. Joseph @ IBM", 0 },
	{ "Life Outside the Cluster: Adding Virtual Machines to an Envoy Service Mesh - Megan O'Keefe & Ameer Abbas,",
	    "Life Outside the Cluster: Adding Virtual Machines to an Envoy Service Mesh", "talk",
	    "Megan O'Keefe; Ameer Abbas", 1 },
	{ "Evolving KServe: The Unified Model Inference Platform for Both Predictive and Generative AI - Filippe Spolti & Jooho Lee, Red Hat",
	    "Evolving KServe: The Unified Model Inference Platform for Both Predictive and Generative AI",
	    "talk", "Filippe Spolti @ Red Hat*; Jooho Lee @ Red Hat*", 0 },
	{ "AI Workload Preemption in a Multi-Cluster Scheduling System at Bloomberg - Leon Zhou & Wei-Cheng Lai, Bloomberg",
	    "AI Workload Preemption in a Multi-Cluster Scheduling System at Bloomberg", "talk",
	    "Leon Zhou @ Bloomberg*; Wei-Cheng Lai @ Bloomberg*", 0 },
	{ "Optimizing Training Performance for Large Language Model(LLM) in Kubernetes - Klaus Ma, NVIDIA & Peng Gu, Tech Starup",
	    "Optimizing Training Performance for Large Language Model(LLM) in Kubernetes", "talk",
	    "Klaus Ma @ NVIDIA; Peng Gu @ Tech Starup", 0 },
	{ "Building a Database as a Service on Kubernetes - Abhi Vaidyanatha & Lucy Burns, PlanetScale",
	    "Building a Database as a Service on Kubernetes", "talk",
	    "Abhi Vaidyanatha @ PlanetScale*; Lucy Burns @ PlanetScale*", 0 },
	{ "Enforcing Automatic mTLS With Linkerd and OPA Gatekeeper - Ivan Sim, Buoyant & Rita Zhang, Microsoft",
	    "Enforcing Automatic mTLS With Linkerd and OPA Gatekeeper", "talk",
	    "Ivan Sim @ Buoyant; Rita Zhang @ Microsoft", 0 },
	{ "The Myth of the Monocluster - Matt Silverlock, Google", "The Myth of the Monocluster",
	    "talk", "Matt Silverlock @ Google", 0 },
	{ "Kubernetes Policy Enforcement Using OPA At Goldman Sachs - Miguel Uzcategui & Tim Hinrichs",
	    "Kubernetes Policy Enforcement Using OPA At Goldman Sachs", "talk",
	    "Miguel Uzcategui; Tim Hinrichs", 0 },
	{ "Cloud Native at Scale - Dr. Stefan Schimanski, Upbound", "Cloud Native at Scale", "talk",
	    "Dr. Stefan Schimanski @ Upbound", 0 },
	{ "NATS Revisited - Larry McQueary and Brian Flannery, Synadia", "NATS Revisited", "talk",
	    "Larry McQueary @ Synadia*; Brian Flannery @ Synadia*", 1 },
	{ "Community Updates - Jane Doe and John Smith and Ada Lovelace and Bob Marley",
	    "Community Updates", "talk", "Jane Doe; John Smith; Ada Lovelace; Bob Marley", 1 },
	{ "Case Study: AI-as-a-Service on Kubernetes at Scale and In Production - Itay Gabbay",
	    "Case Study: AI-as-a-Service on Kubernetes at Scale and In Production", "talk",
	    "Itay Gabbay", 0 },
	/* KubeCon China: the title in English and Chinese. */
	{ "Gateway API and Beyond: Introducing Envoy Gateway's Gateway API Extensions | \xe8\xb6\x85\xe8\xb6\x8a Gateway API - Huabing Zhao, Tetrate",
	    "Gateway API and Beyond: Introducing Envoy Gateway's Gateway API Extensions | \xe8\xb6\x85\xe8\xb6\x8a Gateway API",
	    "talk", "Huabing Zhao @ Tetrate", 0 },
	{ "How to Manage Database Clusters Without a Dedicated Operator | \xe6\x97\xa0\xe9\x9c\x80 Operator - Shanshan Ying, ApeCloud & Shun Ding, China Mobile Cloud",
	    "How to Manage Database Clusters Without a Dedicated Operator | \xe6\x97\xa0\xe9\x9c\x80 Operator",
	    "talk", "Shanshan Ying @ ApeCloud; Shun Ding @ China Mobile Cloud", 0 },
	/* Spacing as feeds deliver it: tabs, line ends, no-break spaces. */
	{ "Keynote:  Opening\tRemarks -  Priyanka Sharma,\xc2\xa0""CNCF ", "Opening Remarks", "keynote",
	    "Priyanka Sharma @ CNCF", 0 },
	/* Logistics: no speakers, nothing to review. */
	{ "Coffee Break", "Coffee Break", "talk", "", 0 },
	{ "Registration + Badge Pick-Up", "Registration + Badge Pick-Up", "talk", "", 0 },
	/* Ambiguous: to review, never guessed silently. */
	{ "Audit Trails for Auditors - Jane Doe, Ernst & Young", "Audit Trails for Auditors", "talk",
	    "Jane Doe @ Ernst & Young", 1 },
	{ "Compliance at Scale - Jane Doe & John Smith, Procter & Gamble", "Compliance at Scale",
	    "talk", "Jane Doe @ Procter & Gamble*; John Smith @ Procter & Gamble*", 1 },
	{ "Scaling Observability - Grafana Labs", "Scaling Observability", "talk", "Grafana Labs", 1 },
	{ "Building on Kubernetes - Docker", "Building on Kubernetes", "talk", "Docker", 1 },
	{ "Erin Boyd Meets the Team - Erin Boyd, Red Hat & Peter Benjamin",
	    "Erin Boyd Meets the Team", "talk", "Erin Boyd @ Red Hat; Peter Benjamin", 1 },
	{ "Kubernetes 1.30 - What's New", "Kubernetes 1.30 - What's New", "talk", "", 1 },
	{ "Chaos Engineering - Why It Matters", "Chaos Engineering - Why It Matters", "talk", "", 1 },
	{ "Speakers Only - Jane Doe,, Google", "Speakers Only - Jane Doe,, Google", "talk", "", 1 },
};

static void
speakers_of(const struct sched_title *t, struct buf *b)
{
	for (size_t i = 0; i < t->nspeakers; i++) {
		const struct sched_speaker *s = &t->speakers[i];

		buf_appendf(b, "%s%s", i ? "; " : "", s->name);
		if (s->position)
			buf_appendf(b, " (%s)", s->position);
		if (s->company)
			buf_appendf(b, " @ %s%s", s->company, s->shared ? "*" : "");
	}
}

static void
titles(void **state)
{
	size_t failed = 0, n = sizeof(rows) / sizeof(rows[0]);

	(void)state;
	assert_true(n >= 60);
	for (size_t i = 0; i < n; i++) {
		const char *error = NULL;
		struct sched_title *t = sched_title_parse(rows[i].name, &error);
		struct buf b = BUF_INIT;

		assert_non_null(t);
		speakers_of(t, &b);
		if (strcmp(t->title, rows[i].title) || strcmp(sched_kind_code(t->kind), rows[i].kind) ||
		    strcmp(b.data, rows[i].speakers) || (t->review != NULL) != rows[i].review) {
			printf("# %s\n#   title   %s\n#   kind    %s\n#   speakers %s\n#   review  %s\n",
			    rows[i].name, t->title, sched_kind_code(t->kind), b.data,
			    t->review ? t->review : "-");
			failed++;
		}
		buf_release(&b);
		sched_title_free(t);
	}
	assert_int_equal(failed, 0);
}

static void
prefix_and_raw_are_kept(void **state)
{
	const char *error;
	struct sched_title *t = sched_title_parse(
	    "Sponsored Keynote: Keep Kubernetes Caffeinated - Erin Boyd, Principal Software Engineer, Red Hat",
	    &error);

	(void)state;
	assert_non_null(t);
	assert_str(t->prefix, "Sponsored Keynote");
	assert_true(t->sponsored);
	assert_true(t->kind_from_prefix);
	assert_null(t->review);
	assert_int_equal(t->nspeakers, 1);
	assert_str(t->speakers[0].position, "Principal Software Engineer");
	assert_str(t->raw, "Sponsored Keynote: Keep Kubernetes Caffeinated - Erin Boyd, "
	    "Principal Software Engineer, Red Hat");
	sched_title_free(t);
	t = sched_title_parse("Scaling: A Story - Jane Doe, Acme", &error);
	assert_null(t->prefix);
	assert_false(t->kind_from_prefix);
	assert_str(t->title, "Scaling: A Story");
	sched_title_free(t);
	t = sched_title_parse("Audit Trails - Jane Doe, Ernst & Young", &error);
	assert_non_null(strstr(t->review, "'&' may be part of a company name"));
	sched_title_free(t);
}

static void
hostile_names_are_refused(void **state)
{
	char *big = malloc(SCHED_TITLE_MAX + 2);
	const char *error = NULL;
	struct sched_title *t;

	(void)state;
	memset(big, 'a', SCHED_TITLE_MAX + 1);
	big[SCHED_TITLE_MAX + 1] = '\0';
	assert_null(sched_title_parse(big, &error));
	assert_non_null(strstr(error, "longer"));
	big[SCHED_TITLE_MAX] = '\0';
	t = sched_title_parse(big, &error);
	assert_non_null(t);
	sched_title_free(t);
	free(big);
	assert_null(sched_title_parse("Talk - Jos\xc3\x28 Doe, Acme", &error));
	assert_non_null(strstr(error, "UTF-8"));
	assert_null(sched_title_parse("Talk\x07 - Jane Doe", &error));
	assert_non_null(strstr(error, "control"));
	assert_null(sched_title_parse(" \t ", &error));
	assert_non_null(strstr(error, "empty"));
}

static void
many_speakers_stop_at_the_cap(void **state)
{
	struct buf b = BUF_INIT;
	const char *error;
	struct sched_title *t;

	(void)state;
	buf_puts(&b, "Everyone Talks");
	for (int i = 0; i < SCHED_SPEAKERS_MAX + 5; i++)
		buf_appendf(&b, "%sJane Doe, Acme", i ? " & " : " - ");
	t = sched_title_parse(b.data, &error);
	assert_non_null(t);
	assert_int_equal(t->nspeakers, 0);
	assert_non_null(t->review);
	sched_title_free(t);
	buf_release(&b);
}

static void
kinds_have_codes(void **state)
{
	(void)state;
	assert_str(sched_kind_code(SCHED_KEYNOTE), "keynote");
	assert_str(sched_kind_code(SCHED_MAINTAINER), "maintainer");
	assert_str(sched_kind_code(SCHED_KIND__MAX), "other");
}

static void
categories(void **state)
{
	static const struct {
		const char	*value;
		const char	*kind;
		int		 is_kind, logistics;
	} cats[] = {
		{ "Keynote Sessions", "keynote", 1, 0 }, { "Sponsored Keynotes", "keynote", 1, 0 },
		{ "Lightning Talks", "lightning", 1, 0 },
		{ "Project Lightning Talks", "lightning", 1, 0 },
		{ "Maintainer Track", "maintainer", 1, 0 }, { "Maintainer Sessions", "maintainer", 1, 0 },
		{ "Intros + Deep Dives", "maintainer", 1, 0 }, { "Tutorials", "tutorial", 1, 0 },
		{ "Workshops", "tutorial", 1, 0 }, { "Panel Discussions", "panel", 1, 0 },
		{ "Breaks", "other", 1, 1 }, { "Registration", "other", 1, 1 },
		{ "Lunch", "other", 1, 1 }, { "Evening Events", "other", 1, 1 },
		{ "Attendee Resources", "other", 1, 1 }, { "Solutions Showcase", "other", 1, 1 },
		{ "Birds of a Feather", "other", 1, 0 }, { "Poster Sessions", "other", 1, 0 },
		{ "  keynote   sessions ", "keynote", 1, 0 },
		{ "Security + Identity + Policy", "talk", 0, 0 }, { "AI + ML", "talk", 0, 0 },
		{ "Networking + Edge + Telco", "talk", 0, 0 }, { "Case Studies", "talk", 0, 0 },
		{ "Project Opportunities", "talk", 0, 0 }, { "Breakout Sessions", "talk", 0, 0 },
		{ "", "talk", 0, 0 },
	};
	struct sched_category c;

	(void)state;
	for (size_t i = 0; i < sizeof(cats) / sizeof(cats[0]); i++) {
		int r = sched_category(cats[i].value, &c);

		if (r != cats[i].is_kind || strcmp(sched_kind_code(c.kind), cats[i].kind) ||
		    c.logistics != cats[i].logistics)
			printf("# category '%s': %s %d %d\n", cats[i].value,
			    sched_kind_code(c.kind), r, c.logistics);
		assert_int_equal(r, cats[i].is_kind);
		assert_str(sched_kind_code(c.kind), cats[i].kind);
		assert_int_equal(c.logistics, cats[i].logistics);
	}
	assert_int_equal(sched_category(NULL, &c), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(titles),
		cmocka_unit_test(prefix_and_raw_are_kept),
		cmocka_unit_test(hostile_names_are_refused),
		cmocka_unit_test(many_speakers_stop_at_the_cap),
		cmocka_unit_test(kinds_have_codes),
		cmocka_unit_test(categories),
	};

	return cmocka_run_group_tests_name("sched_title", tests, NULL, NULL);
}
