/* build_id.c: the running program's GNU build ID note, read from its own program headers. */
#include <elf.h>
#include <link.h>
#include <pthread.h>
#include <string.h>

#include "core/build_id.h"
#include "core/version.h"

#define ID_MAX	64

static unsigned char id[ID_MAX];
static size_t id_len;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Walks the notes of one PT_NOTE segment for NT_GNU_BUILD_ID. */
static void
scan_notes(const unsigned char *p, size_t size)
{
	while (size >= sizeof(ElfW(Nhdr))) {
		const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)(const void *)p;
		size_t name = (n->n_namesz + 3) & ~(size_t)3, desc = (n->n_descsz + 3) & ~(size_t)3;
		size_t total = sizeof(*n) + name + desc;

		if (total > size)
			return;
		if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 &&
		    memcmp(p + sizeof(*n), "GNU", 4) == 0 && n->n_descsz <= ID_MAX) {
			memcpy(id, p + sizeof(*n) + name, n->n_descsz);
			id_len = n->n_descsz;
			return;
		}
		p += total;
		size -= total;
	}
}

/* The first object dl_iterate_phdr reports is the program itself. */
static int
on_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size, (void)arg;
	for (int i = 0; i < info->dlpi_phnum && id_len == 0; i++)
		if (info->dlpi_phdr[i].p_type == PT_NOTE)
			scan_notes((const unsigned char *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr),
			    info->dlpi_phdr[i].p_memsz);
	return 1;
}

static void
find(void)
{
	static const char fallback[] = LECTERN_VERSION " " __DATE__ " " __TIME__;

	dl_iterate_phdr(on_object, NULL);
	if (id_len == 0) {
		memcpy(id, fallback, sizeof(fallback) - 1);
		id_len = sizeof(fallback) - 1;
	}
}

const unsigned char *
build_id(size_t *len)
{
	pthread_once(&once, find);
	*len = id_len;
	return id;
}
