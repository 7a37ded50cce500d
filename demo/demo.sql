-- demo.sql: the demo registry, built from the facts of the CNCF End User Journey report on Spotify.
-- Facts from the report: Spotify joined the End User Community in 2018; Dave Zolotusky's keynote at KubeCon +
-- CloudNativeCon Europe 2018; David Xia's 2019 keynote on deleting all of Spotify's Kubernetes clusters with no
-- user impact; 15+ talks at KubeCon and co-located events (EnvoyCon, gRPCconf); Dave Zolotusky's TOC seat as End
-- User representative; James Wen co-chair of the Developer Experience SIG; Backstage contributed to the sandbox
-- in 2020; Kateryna Nezdolli speaking at EnvoyCon; Austin Lamon's three KubeCon talks.
-- Everything else (titles of most talks, dates of terms, the other organizations and people) is plausible demo
-- data and says so in its notes.

INSERT INTO organizations(id, name, slug, kind, website, eu_member, member_since, tier, notes) VALUES
 (1, 'Spotify', 'spotify', 'end_user', 'https://www.spotify.com', 1, '2018-02-01', 'end_user_supporter', 'Joined the End User Community in early 2018 (report). Exact date: demo data.'),
 (2, 'Google', 'google', 'vendor', 'https://cloud.google.com', 0, NULL, 'platinum', 'Demo data.'),
 (3, 'Lyft', 'lyft', 'end_user', 'https://www.lyft.com', 1, '2017-09-01', 'end_user_supporter', 'Demo data.'),
 (4, 'Red Hat', 'red-hat', 'vendor', 'https://www.redhat.com', 0, NULL, 'platinum', 'Demo data.'),
 (5, 'Intuit', 'intuit', 'end_user', 'https://www.intuit.com', 1, '2018-06-01', 'end_user_supporter', 'Demo data.'),
 (6, 'Cloud Native Computing Foundation', 'cncf', 'non_profit', 'https://www.cncf.io', 0, NULL, NULL, 'Demo data.'),
 (7, 'Delft University of Technology', 'tu-delft', 'academic', 'https://www.tudelft.nl', 0, NULL, 'academic', 'Demo data.'),
 (8, 'Microsoft', 'microsoft', 'vendor', 'https://azure.microsoft.com', 0, NULL, 'platinum', 'Demo data.');

INSERT INTO people(id, name, slug, email, github, bio, links, notes) VALUES
 (1, 'Dave Zolotusky', 'dave-zolotusky', 'dave@example.org', 'dzolotusky', 'Principal Engineer at Spotify; End User representative on the CNCF Technical Oversight Committee.', '["https://github.com/dzolotusky"]', 'Role and TOC seat from the report; email and dates: demo data.'),
 (2, 'David Xia', 'david-xia', 'david.xia@example.org', 'davidxia', 'Infrastructure engineer at Spotify.', '[]', 'Demo data apart from the 2019 keynote.'),
 (3, 'James Wen', 'james-wen', 'james.wen@example.org', 'jameswen', 'Senior site reliability engineer at Spotify; co-chair of the End User Developer Experience SIG.', '[]', 'Demo data apart from the SIG role.'),
 (4, 'Kateryna Nezdolli', 'kateryna-nezdolli', 'kateryna@example.org', 'KBaichevska', 'Senior engineer at Spotify and her team''s Envoy expert: slow start load balancing, overload manager, QUIC.', '[]', 'Demo data apart from speaking at EnvoyCon.'),
 (5, 'Austin Lamon', 'austin-lamon', 'austin@example.org', 'alamon', 'Director of product on the platform team at Spotify, leading Backstage.', '[]', 'Three KubeCon talks (report); titles and dates: demo data.'),
 (6, 'Maria Lindqvist', 'maria-lindqvist', 'maria@example.org', 'mlindqvist', 'Platform engineer; moved from Spotify to Google at the start of 2020.', '[]', 'Demo data: the person who changed employer between two talks.'),
 (7, 'Jonas Berg', 'jonas-berg', 'jonas@example.org', 'jberg', 'Backend engineer at Spotify working on gRPC.', '[]', 'Demo data.'),
 (8, 'Ana Souza', 'ana-souza', 'ana@example.org', 'asouza', 'Site reliability engineer at Spotify.', '[]', 'Demo data.'),
 (9, 'Matt Klein', 'matt-klein', NULL, 'mattklein123', 'Creator of Envoy.', '[]', 'Demo data.'),
 (10, 'Priya Natarajan', 'priya-natarajan', 'priya@example.org', 'pnatarajan', 'Engineering manager at Google.', '[]', 'Demo data.'),
 (11, 'Sam Okafor', 'sam-okafor', 'sam@example.org', 'sokafor', 'Distinguished engineer at Red Hat.', '[]', 'Demo data.'),
 (12, 'Lena Fischer', 'lena-fischer', 'lena@example.org', 'lfischer', 'Staff engineer at Intuit working on Argo.', '[]', 'Demo data.'),
 (13, 'Tomás Ruiz', 'tomas-ruiz', 'tomas@example.org', 'truiz', 'PhD researcher in distributed systems at TU Delft.', '[]', 'Demo data.'),
 (14, 'Wei Chen', 'wei-chen', 'wei@example.org', 'weichen', 'Principal program manager at Microsoft.', '[]', 'Demo data.');

INSERT INTO affiliations(person_id, org_id, title, since, until) VALUES
 (1, 1, 'Principal Engineer', '2013-06-01', NULL),
 (2, 1, 'Infrastructure Engineer', '2014-09-01', NULL),
 (3, 1, 'Senior SRE', '2016-01-01', NULL),
 (4, 1, 'Senior Engineer', '2017-03-01', NULL),
 (5, 1, 'Director of Product', '2015-05-01', NULL),
 (6, 1, 'Platform Engineer', '2016-02-01', '2019-12-31'),
 (6, 2, 'Senior Platform Engineer', '2020-01-01', NULL),
 (7, 1, 'Backend Engineer', '2017-08-01', NULL),
 (8, 1, 'SRE', '2018-01-01', NULL),
 (9, 3, 'Software Engineer', '2015-05-01', NULL),
 (10, 2, 'Engineering Manager', '2012-01-01', NULL),
 (11, 4, 'Distinguished Engineer', '2014-01-01', NULL),
 (12, 5, 'Staff Engineer', '2017-01-01', NULL),
 (13, 7, 'PhD researcher', '2018-09-01', NULL),
 (14, 8, 'Principal PM', '2015-01-01', NULL);

INSERT INTO events(id, name, slug, series, parent_id, city, country, starts_on, ends_on, time_zone, url, notes) VALUES
 (1, 'KubeCon + CloudNativeCon Europe 2018', 'kubecon-eu-2018', 'KubeCon + CloudNativeCon Europe', NULL, 'Copenhagen', 'Denmark', '2018-05-02', '2018-05-04', 'Europe/Copenhagen', 'https://events.linuxfoundation.org/', NULL),
 (2, 'KubeCon + CloudNativeCon North America 2018', 'kubecon-na-2018', 'KubeCon + CloudNativeCon North America', NULL, 'Seattle', 'United States', '2018-12-11', '2018-12-13', 'America/Los_Angeles', NULL, NULL),
 (3, 'EnvoyCon 2018', 'envoycon-2018', 'EnvoyCon', 2, 'Seattle', 'United States', '2018-12-10', '2018-12-10', 'America/Los_Angeles', NULL, 'Co-located with KubeCon NA 2018.'),
 (4, 'KubeCon + CloudNativeCon Europe 2019', 'kubecon-eu-2019', 'KubeCon + CloudNativeCon Europe', NULL, 'Barcelona', 'Spain', '2019-05-21', '2019-05-23', 'Europe/Madrid', NULL, 'Nearly 8,000 attendees (report).'),
 (5, 'KubeCon + CloudNativeCon China 2019', 'kubecon-cn-2019', 'KubeCon + CloudNativeCon China', NULL, 'Shanghai', 'China', '2019-06-24', '2019-06-26', 'Asia/Shanghai', NULL, NULL),
 (6, 'KubeCon + CloudNativeCon North America 2019', 'kubecon-na-2019', 'KubeCon + CloudNativeCon North America', NULL, 'San Diego', 'United States', '2019-11-19', '2019-11-21', 'America/Los_Angeles', NULL, NULL),
 (7, 'EnvoyCon 2019', 'envoycon-2019', 'EnvoyCon', 6, 'San Diego', 'United States', '2019-11-18', '2019-11-18', 'America/Los_Angeles', NULL, 'Co-located with KubeCon NA 2019.'),
 (8, 'gRPCconf 2019', 'grpcconf-2019', 'gRPCconf', 6, 'San Diego', 'United States', '2019-11-18', '2019-11-18', 'America/Los_Angeles', NULL, 'Co-located with KubeCon NA 2019 (demo data).'),
 (9, 'KubeCon + CloudNativeCon Europe 2020 (virtual)', 'kubecon-eu-2020', 'KubeCon + CloudNativeCon Europe', NULL, NULL, NULL, '2020-08-17', '2020-08-20', 'Europe/Amsterdam', NULL, NULL),
 (10, 'KubeCon + CloudNativeCon North America 2020 (virtual)', 'kubecon-na-2020', 'KubeCon + CloudNativeCon North America', NULL, NULL, NULL, '2020-11-17', '2020-11-20', 'America/New_York', NULL, NULL),
 (11, 'KubeCon + CloudNativeCon Europe 2021 (virtual)', 'kubecon-eu-2021', 'KubeCon + CloudNativeCon Europe', NULL, NULL, NULL, '2021-05-04', '2021-05-07', 'Europe/Amsterdam', NULL, NULL),
 (12, 'KubeCon + CloudNativeCon North America 2021', 'kubecon-na-2021', 'KubeCon + CloudNativeCon North America', NULL, 'Los Angeles', 'United States', '2021-10-12', '2021-10-15', 'America/Los_Angeles', NULL, NULL),
 (13, 'EnvoyCon 2021', 'envoycon-2021', 'EnvoyCon', 12, 'Los Angeles', 'United States', '2021-10-11', '2021-10-11', 'America/Los_Angeles', NULL, 'Co-located with KubeCon NA 2021.');

-- Sessions: starts_at is local time with the event's offset.
INSERT INTO sessions(id, event_id, title, kind, track, room, starts_at, duration_min, abstract, status) VALUES
 (1, 1, 'Keynote: Becoming a Strong Member of the Cloud Native Community', 'keynote', 'Keynotes', 'Hall A', '2018-05-03T09:25:00+02:00', 15, 'How Spotify moved from its own orchestrator, Helios, to Kubernetes, and why joining the community mattered. (Title: demo data.)', 'scheduled'),
 (2, 1, 'Kubernetes at Spotify: the first hundred services', 'talk', 'Case Studies', 'Room C1', '2018-05-03T14:00:00+02:00', 35, 'Migrating the first hundred Spotify services to Kubernetes. Demo data.', 'scheduled'),
 (3, 2, 'Multi-tenant clusters at Spotify', 'talk', 'Operations', 'Room 4C', '2018-12-12T11:40:00-08:00', 35, 'Running many teams on shared Kubernetes clusters. Demo data.', 'scheduled'),
 (4, 3, 'Envoy as the edge of a music service', 'talk', 'EnvoyCon', 'Room 611', '2018-12-10T10:00:00-08:00', 30, 'Replacing a homegrown edge proxy with Envoy. Demo data.', 'scheduled'),
 (5, 4, 'Keynote: How Spotify Accidentally Deleted All its Kube Clusters with No User Impact', 'keynote', 'Keynotes', 'Main Hall', '2019-05-22T09:40:00+02:00', 15, 'The story of deleting every production Kubernetes cluster by accident, and why users never noticed.', 'scheduled'),
 (6, 4, 'Cluster management with declarative infrastructure', 'talk', 'Operations', 'Hall 8.0 F', '2019-05-22T14:50:00+02:00', 35, 'Terraform and Kubernetes operators for cluster lifecycle. Demo data.', 'scheduled'),
 (7, 4, 'Panel: End users on the Kubernetes journey', 'panel', 'End Users', 'Hall 8.1', '2019-05-23T11:05:00+02:00', 35, 'End users compare notes on adopting Kubernetes. Demo data.', 'scheduled'),
 (8, 4, 'Golden paths for developers', 'talk', 'Application Development', 'Hall 8.0 D', '2019-05-23T15:55:00+02:00', 35, 'Paved roads and developer experience at Spotify. Demo data.', 'scheduled'),
 (9, 6, 'Backstage: an open platform for building developer portals', 'talk', 'Application Development', 'Room 6C', '2019-11-20T10:55:00-08:00', 35, 'Introducing Backstage to the community. Demo data.', 'scheduled'),
 (10, 6, 'Chaos at scale: what deleting our clusters taught us', 'talk', 'Operations', 'Room 6F', '2019-11-20T16:25:00-08:00', 35, 'Follow-up to the 2019 keynote. Demo data.', 'scheduled'),
 (11, 7, 'Slow start load balancing in Envoy', 'talk', 'EnvoyCon', 'Room 31ABC', '2019-11-18T11:00:00-08:00', 25, 'Ramping traffic to new endpoints gently. Demo data.', 'scheduled'),
 (12, 8, 'gRPC at Spotify: from Hermes to HTTP/2', 'talk', 'gRPCconf', 'Room 32A', '2019-11-18T13:30:00-08:00', 30, 'Moving service-to-service traffic to gRPC. Demo data.', 'scheduled'),
 (13, 9, 'Backstage in the CNCF sandbox: what changed', 'talk', 'Application Development', 'Virtual 2', '2020-08-18T15:00:00+02:00', 35, 'The first months of Backstage as a CNCF project. Demo data.', 'scheduled'),
 (14, 9, 'Developer experience as an end user', 'talk', 'End Users', 'Virtual 4', '2020-08-19T14:00:00+02:00', 35, 'What the End User Developer Experience SIG learned. Demo data.', 'scheduled'),
 (15, 10, 'Envoy overload manager in production', 'talk', 'Networking', 'Virtual 3', '2020-11-18T12:00:00-05:00', 35, 'Protecting proxies from overload. Demo data.', 'scheduled'),
 (16, 11, 'Scaling Backstage plugins', 'talk', 'Application Development', 'Virtual 1', '2021-05-05T16:00:00+02:00', 35, 'Plugin architecture of Backstage. Demo data.', 'scheduled'),
 (17, 12, 'Backstage: a year in the sandbox', 'talk', 'Application Development', 'Room 403', '2021-10-13T11:00:00-07:00', 35, 'Adoption, contributors and governance. Demo data.', 'scheduled'),
 (18, 13, 'QUIC support in Envoy', 'talk', 'EnvoyCon', 'Room 515', '2021-10-11T14:00:00-07:00', 25, 'Work on HTTP/3 and QUIC in Envoy. Demo data.', 'scheduled'),
 (19, 6, 'Ephemeral environments for every pull request', 'lightning', 'Application Development', 'Room 6C', '2019-11-21T17:10:00-08:00', 5, 'A lightning talk. Demo data.', 'scheduled'),
 (20, 11, 'Platform teams after a job change', 'talk', 'Operations', 'Virtual 2', '2021-05-06T15:00:00+02:00', 35, 'Maria''s talk after moving to Google. Demo data.', 'scheduled'),
 -- Other organizations.
 (21, 3, 'Keynote: The universal data plane', 'keynote', 'Keynotes', 'Ballroom', '2018-12-10T09:00:00-08:00', 20, 'Where Envoy is going. Demo data.', 'scheduled'),
 (22, 2, 'Keynote: Kubernetes and the path to serverless', 'keynote', 'Keynotes', 'Hall 4EF', '2018-12-11T09:30:00-08:00', 15, 'Demo data.', 'scheduled'),
 (23, 4, 'Operators all the way down', 'talk', 'Operations', 'Hall 8.0 A', '2019-05-21T11:55:00+02:00', 35, 'Building reliable Kubernetes operators. Demo data.', 'scheduled'),
 (24, 6, 'Progressive delivery with Argo Rollouts', 'talk', 'Application Development', 'Room 5AB', '2019-11-19T14:25:00-08:00', 35, 'Canaries and blue-green at Intuit. Demo data.', 'scheduled'),
 (25, 5, 'Scheduling research on Kubernetes', 'talk', 'Research', 'Room 2', '2019-06-25T10:30:00+08:00', 35, 'Academic work on cluster scheduling. Demo data.', 'scheduled'),
 (26, 12, 'Keynote: Securing the software supply chain', 'keynote', 'Keynotes', 'Main Hall', '2021-10-13T09:15:00-07:00', 15, 'Demo data.', 'scheduled'),
 (27, 10, 'Windows containers in Kubernetes', 'talk', 'Operations', 'Virtual 5', '2020-11-19T11:00:00-05:00', 35, 'Demo data.', 'scheduled'),
 (28, 9, 'Cancelled: Envoy and WebAssembly', 'talk', 'Networking', 'Virtual 3', '2020-08-19T11:00:00+02:00', 35, 'Withdrawn by the speakers. Demo data.', 'cancelled'),
 (29, 11, 'Argo CD at scale', 'tutorial', 'Application Development', 'Virtual 6', '2021-05-04T13:00:00+02:00', 90, 'A hands-on tutorial. Demo data.', 'scheduled');

-- Speakers: org_id left NULL is credited from the affiliation on the session's date.
INSERT INTO appearances(session_id, person_id, role, position) VALUES
 (1, 1, 'speaker', 1), (2, 1, 'speaker', 1), (2, 8, 'speaker', 2), (3, 1, 'speaker', 1),
 (4, 7, 'speaker', 1), (5, 2, 'speaker', 1), (6, 2, 'speaker', 1), (6, 6, 'speaker', 2),
 (7, 1, 'panelist', 2), (7, 12, 'panelist', 3), (7, 14, 'moderator', 1), (8, 3, 'speaker', 1),
 (9, 5, 'speaker', 1), (10, 2, 'speaker', 1), (10, 8, 'speaker', 2), (11, 4, 'speaker', 1),
 (12, 7, 'speaker', 1), (13, 5, 'speaker', 1), (14, 3, 'speaker', 1), (15, 4, 'speaker', 1),
 (16, 5, 'speaker', 1), (17, 8, 'speaker', 1), (18, 4, 'speaker', 1), (19, 6, 'speaker', 1),
 (20, 6, 'speaker', 1), (21, 9, 'speaker', 1), (22, 10, 'speaker', 1), (23, 11, 'speaker', 1),
 (24, 12, 'speaker', 1), (25, 13, 'speaker', 1), (26, 11, 'speaker', 1), (27, 14, 'speaker', 1),
 (28, 9, 'speaker', 1), (29, 12, 'speaker', 1), (29, 13, 'speaker', 2);

INSERT INTO bodies(id, name, slug, kind, parent_id, url, description) VALUES
 (1, 'Technical Oversight Committee', 'toc', 'toc', NULL, 'https://github.com/cncf/toc', 'The CNCF''s technical governing body.'),
 (2, 'Governing Board', 'governing-board', 'board', NULL, NULL, 'Demo data.'),
 (3, 'End User Developer Experience SIG', 'end-user-dx-sig', 'end_user_sig', NULL, NULL, 'Meets regularly to discuss best practices for end users and suggest improvements to the End User Community.'),
 (4, 'TAG App Delivery', 'tag-app-delivery', 'tag', 1, NULL, 'Demo data.'),
 (5, 'Kubernetes SIG Apps', 'k8s-sig-apps', 'k8s_sig', NULL, NULL, 'Demo data.'),
 (6, 'TAG App Delivery Platforms Working Group', 'wg-platforms', 'working_group', 4, NULL, 'Demo data.');

INSERT INTO roles(person_id, body_id, role, seat_type, org_id, starts_on, ends_on, notes) VALUES
 (1, 1, 'seat', 'end_user', 1, '2021-01-01', NULL, 'End User representative on the TOC (report); term dates: demo data.'),
 (3, 3, 'co-chair', NULL, 1, '2020-09-01', NULL, 'Co-chair of the Developer Experience SIG (report); start date: demo data.'),
 (10, 1, 'seat', 'gb', 2, '2018-01-29', '2021-01-28', 'Demo data.'),
 (11, 1, 'seat', 'toc', 4, '2019-02-01', '2022-01-31', 'Demo data.'),
 (11, 1, 'seat', 'toc', 4, '2022-02-01', NULL, 'Demo data: a second term.'),
 (12, 1, 'seat', 'end_user', 5, '2018-02-01', '2020-12-31', 'Demo data.'),
 (14, 1, 'seat', 'maintainer', 8, '2020-03-01', NULL, 'Demo data.'),
 (12, 4, 'chair', NULL, 5, '2020-05-01', '2022-04-30', 'Demo data.'),
 (6, 6, 'co-chair', NULL, 2, '2021-03-01', NULL, 'Demo data: held while at Google.'),
 (11, 5, 'chair', NULL, 4, '2017-01-01', NULL, 'Demo data.'),
 (13, 3, 'member', NULL, 7, '2021-01-01', NULL, 'Demo data.');

INSERT INTO projects(name, slug, maturity, accepted_on, incubating_on, graduated_on, org_id, url, description) VALUES
 ('Backstage', 'backstage', 'incubating', '2020-09-08', '2022-03-15', NULL, 1, 'https://backstage.io', 'An open platform for building developer portals, contributed to the CNCF sandbox by Spotify in 2020.'),
 ('Envoy', 'envoy', 'graduated', '2017-09-13', NULL, '2018-11-28', 3, 'https://www.envoyproxy.io', 'Cloud-native high-performance edge, middle and service proxy.'),
 ('Kubernetes', 'kubernetes', 'graduated', '2016-03-10', NULL, '2018-03-06', 2, 'https://kubernetes.io', 'Production-grade container orchestration.'),
 ('gRPC', 'grpc', 'incubating', '2017-03-01', '2017-03-01', NULL, 2, 'https://grpc.io', 'A high-performance, open source universal RPC framework.'),
 ('Argo', 'argo', 'graduated', '2020-04-07', '2020-04-07', '2022-12-06', 5, 'https://argoproj.github.io', 'Kubernetes-native tools to run workflows and manage clusters.');
