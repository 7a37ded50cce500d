# Lectern: plain Makefile, pkg-config for every library.
#   make run    set up, build, create the demo database, serve on :8888
#   make test   build normal and ASan+UBSan binaries and run every test
#   make bench  benchmarks (not part of make test)

PREFIX	?= /usr/local
DESTDIR	?=
CC	?= cc
PKGS	= libmicrohttpd sqlite3 libxml-2.0 libsodium inih libseccomp yaml-0.1 libical yajl libcurl zlib libbrotlienc xlsxwriter
# Libraries without a pkg-config file: libcsv (Debian libcsv-dev).
LIBS_EXTRA = -lcsv

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(LIBS_EXTRA) -lpthread

WARN	= -Wall -Wextra -Werror -Wformat=2 -Wformat-security -Wshadow \
	  -Wmissing-prototypes -Wstrict-prototypes -Wpointer-arith -Wvla \
	  -Wcast-align -Wundef -Wwrite-strings -Wno-unused-parameter
BASE	= -std=c17 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Iapp -I. -Ibuild/gen $(WARN) $(PKG_CFLAGS)
HARDEN	= -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
OPT	?= -O2 -g
LDHARD	= -pie -Wl,-z,relro,-z,now
SAN	= -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

SRC	:= $(sort $(wildcard app/*.c app/*/*.c import/*.c))
LIBSRC	:= $(filter-out app/main.c,$(SRC))
SCHEMA	:= $(sort $(wildcard schema/*.sql))
ASSETS	:= $(sort $(wildcard assets/*))
DEMO	:= $(sort $(wildcard demo/*.sql))
UNIT	:= $(sort $(wildcard tests/unit/test_*.c))

GEN	= build/gen/schema_gen.c build/gen/assets_gen.c build/gen/demo_gen.c

OBJ	= $(patsubst %.c,build/obj/%.o,$(LIBSRC)) build/obj/gen/schema_gen.o build/obj/gen/assets_gen.o build/obj/gen/demo_gen.o
AOBJ	= $(patsubst %.c,build/asan/obj/%.o,$(LIBSRC)) build/asan/obj/gen/schema_gen.o build/asan/obj/gen/assets_gen.o build/asan/obj/gen/demo_gen.o

all: build/lectern

# --- generated sources: migrations and assets compiled in --------------------
build/embed: tools/embed.c
	@mkdir -p build
	$(CC) -O2 -o $@ $< $(shell pkg-config --cflags --libs zlib libbrotlienc 2>/dev/null)

build/gen/schema_gen.c: build/embed $(SCHEMA)
	@mkdir -p build/gen
	build/embed schema_files $(SCHEMA) > $@.tmp && mv $@.tmp $@

build/gen/assets_gen.c: build/embed $(ASSETS)
	@mkdir -p build/gen
	build/embed asset_files -z $(ASSETS) > $@.tmp && mv $@.tmp $@

build/gen/demo_gen.c: build/embed $(DEMO)
	@mkdir -p build/gen
	build/embed demo_files $(DEMO) > $@.tmp && mv $@.tmp $@

# --- the normal build -----------------------------------------------------------
build/obj/%.o: %.c | build/.libs-ok
	@mkdir -p $(dir $@)
	$(CC) $(BASE) $(HARDEN) $(OPT) -MMD -MP -c -o $@ $<

build/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -Wno-missing-prototypes $(OPT) -fPIE -c -o $@ $<

build/liblectern.a: $(OBJ)
	rm -f $@ && ar rcs $@ $(OBJ)

build/lectern: build/obj/app/main.o build/liblectern.a
	$(CC) $(LDHARD) -o $@ $^ $(PKG_LIBS)

# --- the sanitizer build ---------------------------------------------------------
build/asan/obj/%.o: %.c | build/.libs-ok
	@mkdir -p $(dir $@)
	$(CC) $(BASE) $(SAN) -O1 -g -MMD -MP -c -o $@ $<

build/asan/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -Wno-missing-prototypes $(SAN) -O1 -c -o $@ $<

build/asan/liblectern.a: $(AOBJ)
	rm -f $@ && ar rcs $@ $(AOBJ)

build/asan/lectern: build/asan/obj/app/main.o build/asan/liblectern.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

# --- unit tests (cmocka), both builds -------------------------------------------
UNIT_BIN  = $(patsubst tests/unit/%.c,build/tests/%,$(UNIT))
UNIT_ABIN = $(patsubst tests/unit/%.c,build/asan/tests/%,$(UNIT))

build/tests/%: tests/unit/%.c tests/unit/unit.h build/liblectern.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -Wno-missing-prototypes $(OPT) -Itests/unit -o $@ $< build/liblectern.a $(PKG_LIBS) -lcmocka

# make bench's statements of a page (tests/bench/cache.sh), the cold renders' sqlite3 reference.
build/page_sql: tests/bench/page_sql.c tests/unit/page_render.h build/liblectern.a
	$(CC) $(BASE) $(OPT) -Itests/unit -o $@ $< build/liblectern.a $(PKG_LIBS)

build/asan/tests/%: tests/unit/%.c tests/unit/unit.h build/asan/liblectern.a
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -Wno-missing-prototypes $(SAN) -O1 -g -Itests/unit -o $@ $< build/asan/liblectern.a $(PKG_LIBS) -lcmocka

# --- the two commands -----------------------------------------------------------
# The library flags above are read when make starts: on a fresh machine that is before
# `deps` has installed the libraries, so the commands install first, then build in a
# second make that sees them.
deps:
	@sh tools/deps.sh

run: deps
	@$(MAKE) --no-print-directory build/lectern
	@sh tools/run.sh

test: deps
	@$(MAKE) --no-print-directory test-build
	@bash tests/run.sh

test-build: build/lectern build/asan/lectern $(UNIT_BIN) $(UNIT_ABIN)

bench: deps
	@bash tests/bench/run.sh

fuzz: deps
	@bash tests/fuzz/run.sh

# The library list, for scripts that build on their own (tests/fuzz/run.sh).
print-pkgs:
	@echo $(PKGS)

print-libs:
	@echo $(LIBS_EXTRA)

# Compiling without the libraries' flags would only fail later, on a missing header.
build/.libs-ok:
	@mkdir -p build
	@pkg-config --exists $(PKGS) || { echo "make: missing libraries ($(PKGS)); run 'make deps' as root"; exit 1; }
	@test -f /usr/include/csv.h || { echo "make: missing libcsv (csv.h); run 'make deps' as root"; exit 1; }
	@touch $@

install: build/lectern
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/lectern
	install -m 0755 build/lectern $(DESTDIR)$(PREFIX)/bin/lectern
	install -m 0644 conf/lectern.conf $(DESTDIR)$(PREFIX)/share/lectern/lectern.conf.sample
	install -m 0644 conf/lectern.service $(DESTDIR)$(PREFIX)/share/lectern/lectern.service

clean:
	rm -rf build

.PHONY: all deps run test test-build bench fuzz install clean print-pkgs print-libs
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)
