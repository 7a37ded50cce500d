/* sched_words.c: word lists and tests that tell a person's name, a position and a company apart. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "import/sched_words.h"

const char *const sched_person_suffixes[] = {
	"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "PhD", "Ph.D.", "Ph.D", "MD", "M.D.",
	"Esq.", "MBA", NULL,
};
const char *const sched_legal_suffixes[] = {
	"Inc", "Inc.", "LLC", "L.L.C.", "Ltd", "Ltd.", "Limited", "GmbH", "AG", "SA", "S.A.",
	"SAS", "BV", "B.V.", "NV", "N.V.", "Corp", "Corp.", "Co", "Co.", "PLC", "LLP", "LP",
	"AB", "Oy", "KK", "K.K.", "Pty", "Pty Ltd", "Pty. Ltd.", "S.L.", "SpA", "S.p.A.", "SRL",
	"S.r.l.", "SE", NULL,
};
/* Words of job titles: a part made of these is a position, not a company. */
static const char *const position_words[] = {
	"engineer", "engineering", "manager", "maintainer", "maintainers", "contributor",
	"lead", "director", "architect", "founder", "co-founder", "cofounder", "ceo", "cto",
	"coo", "cio", "cpo", "ciso", "vp", "svp", "evp", "president", "developer", "advocate",
	"chair", "co-chair", "evangelist", "scientist", "researcher", "analyst", "consultant",
	"officer", "head", "principal", "senior", "staff", "student", "fellow", "member",
	"owner", "specialist", "intern", "professor", "chief", "lecturer", "technologist",
	"ambassador", "organizer", "emeritus", "sre", "pm", NULL,
};
/* Words of organization names: a speaker "name" with one of these may be a company. */
static const char *const org_words[] = {
	"inc", "inc.", "llc", "ltd", "ltd.", "limited", "gmbh", "corp", "corp.", "corporation",
	"company", "plc", "labs", "lab", "technologies", "technology", "systems", "software",
	"solutions", "foundation", "group", "university", "institute", "bank", "consulting",
	"services", "networks", "cloud", "computing", NULL,
};
/* Words a person's name does not contain; they mark title text after a " - ". */
static const char *const not_name_words[] = {
	"the", "a", "an", "of", "for", "with", "and", "or", "to", "in", "on", "by", "from",
	"how", "why", "what", "when", "where", "your", "our", "my", "is", "are", "we", "you",
	"it", "its", "this", "that", "vs", "vs.", "part", "using", "into", "beyond",
	"kubernetes", "k8s", "cncf", "at", "what's", "it's", "let's", "here's", "new", "now",
	"next", "not", "all", "more", NULL,
};
/* Lower-case words inside names ("Arjan van de Ven", "Erica von Buelow"). */
static const char *const particles[] = {
	"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "des", "la", "le",
	"bin", "ibn", "al", "el", "y", "e", "dos", "das", "do", "ter", "ten", "zu", "st.",
	NULL,
};

int
sched_in_list(const char *const *list, const char *p, size_t n, int fold)
{
	for (; *list; list++)
		if (strlen(*list) == n &&
		    (fold ? strncasecmp(*list, p, n) : strncmp(*list, p, n)) == 0)
			return 1;
	return 0;
}

struct sl
sched_trim(struct sl s)
{
	while (s.n && (s.p[0] == ' ' || s.p[0] == ','))
		s.p++, s.n--;
	while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == ','))
		s.n--;
	return s;
}

/* Calls each(word) for the words of s split on spaces (and '/', for "CTO/COO"); stops and
 * returns 1 at the first word for which each returns 1. */
static int
any_word(struct sl s, const char *seps, int (*each)(const char *, size_t))
{
	size_t i = 0;

	while (i < s.n) {
		size_t j = i;

		while (j < s.n && !strchr(seps, s.p[j]))
			j++;
		if (j > i && each(s.p + i, j - i))
			return 1;
		i = j + 1;
	}
	return 0;
}

static int
is_position_word(const char *p, size_t n)
{
	return sched_in_list(position_words, p, n, 1);
}

static int
is_org_word(const char *p, size_t n)
{
	return sched_in_list(org_words, p, n, 1) || (n > 3 && (memcmp(p + n - 3, ".io", 3) == 0 ||
	    memcmp(p + n - 3, ".ai", 3) == 0 || memcmp(p + n - 3, ".AI", 3) == 0)) ||
	    (n > 4 && memcmp(p + n - 4, ".com", 4) == 0);
}

int
sched_org_like(struct sl s)
{
	return any_word(s, " ", is_org_word);
}

/* A part is a position when it has a job-title word and no organization word. */
int
sched_position_like(struct sl s)
{
	return any_word(s, " /", is_position_word) && !sched_org_like(s);
}

/* One word of a person's name: capitalised (or not ASCII, or a particle), letters and
 * ' ’ - . only, no digits, not a word of title text. */
static int
bad_name_word(const char *p, size_t n)
{
	unsigned char c = (unsigned char)p[0];

	if (sched_in_list(particles, p, n, 0))
		return 0;
	if (sched_in_list(not_name_words, p, n, 1))
		return 1;
	if (!(c >= 0x80 || (c >= 'A' && c <= 'Z')))
		return 1;
	for (size_t i = 0; i < n; i++) {
		c = (unsigned char)p[i];
		if (c < 0x80 && !isalpha(c) && c != '\'' && c != '-' && c != '.')
			return 1;
	}
	return 0;
}

size_t
sched_word_count(struct sl s)
{
	size_t n = 0;

	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] != ' ' && (i == 0 || s.p[i - 1] == ' '))
			n++;
	return n;
}

/* True when s reads as a person's name: 1 to 6 words, each a name word. */
int
sched_name_like(struct sl s)
{
	size_t w = sched_word_count(s);

	return s.n > 0 && s.n <= 100 && w >= 1 && w <= 6 && !any_word(s, " ", bad_name_word);
}

/* A full name: two words or more, no organization or job-title word. */
int
sched_full_name(struct sl s)
{
	return sched_name_like(s) && sched_word_count(s) >= 2 && !sched_org_like(s) && !sched_position_like(s);
}
