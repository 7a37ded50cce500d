/*
 * sched_words.h: the words of Sched session names that tell a person's name from a position
 * and a company (sched_words.c), for sched_title.c.
 */
#ifndef LECTERN_SCHED_WORDS_H
#define LECTERN_SCHED_WORDS_H
#include <stddef.h>

/* A slice of the name being read. */
struct sl {
	const char	*p;
	size_t		 n;
};


/* NULL-terminated: a person's suffixes ("Jr."), a company's legal ones ("Inc"). */
extern const char *const sched_person_suffixes[];
extern const char *const sched_legal_suffixes[];

/* Whether p (n bytes) is one of list's words (fold: in any case). */
int		sched_in_list(const char *const *list, const char *p, size_t n, int fold);
/* s without the spaces at either end. */
struct sl	sched_trim(struct sl s);
/* Whether s reads as an organization ("Acme Labs", "Foo Inc"). */
int		sched_org_like(struct sl s);
/* Whether s reads as a position ("Principal Engineer", "Maintainer"). */
int		sched_position_like(struct sl s);
size_t		sched_word_count(struct sl s);
/* Whether s reads as a person's name; a full name has two words at least. */
int		sched_name_like(struct sl s);
int		sched_full_name(struct sl s);

#endif
