# verdict - a terminal decision advisor
#
#   make            build ./verdict
#   make run        set up what is missing, build, start verdict
#   make test       set up what is missing, build, run every test
#   make asan       the tests under AddressSanitizer and UBSan
#   make valgrind   the command-line tests with verdict under valgrind
#   make bench      build the benchmarks and run them (docs/performance.md)
#   make install    PREFIX=/usr/local DESTDIR= MANPREFIX=$(PREFIX)/share/man

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/verdict
MANPREFIX ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
CC       ?= cc
BUILD    ?= build
.DEFAULT_GOAL := all

# Set-up first: build/config.mk records the compiler flags of the libraries,
# found with pkg-config after scripts/deps.sh has installed what was missing.
# Make remakes it before anything else and reads it in.
NO_CONFIG_GOALS = clean uninstall
ifeq ($(filter-out $(NO_CONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
else
-include $(BUILD)/config.mk
endif

$(BUILD)/config.mk: scripts/deps.sh
	@mkdir -p $(BUILD)
	@scripts/deps.sh build
	@curses=ncursesw; $(PKG_CONFIG) --exists ncursesw || curses=ncurses; \
	{ echo "PKG_CFLAGS = $$($(PKG_CONFIG) --cflags $$curses yaml-0.1 sqlite3 jansson nettle)"; \
	  echo "PKG_LIBS = $$($(PKG_CONFIG) --libs $$curses yaml-0.1 sqlite3 jansson nettle)"; \
	  echo "CMOCKA_CFLAGS = $$($(PKG_CONFIG) --cflags cmocka 2>/dev/null)"; \
	  echo "CMOCKA_LIBS = $$($(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)"; \
	} > $@.tmp && mv $@.tmp $@

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wformat=2 -Wwrite-strings -Wvla -Wundef -Wpointer-arith -Wcast-align \
       -Wnull-dereference -Wdouble-promotion -Wimplicit-fallthrough
ifeq ($(WERROR),1)
WARN += -Werror
endif
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE -DVERDICT_VERSION='"$(VERSION)"' \
             -DVERDICT_DATADIR='"$(DATADIR)"' $(WARN) $(SAN_FLAGS) -MMD -MP \
             -Isrc -I$(BUILD) $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(PKG_CFLAGS)) $(CFLAGS) $(CPPFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)
LIBS = $(PKG_LIBS) -lm

SRC      = $(wildcard src/*.c src/tui/*.c)
MAIN_OBJ = $(BUILD)/src/main.o
LIB_OBJ  = $(filter-out $(MAIN_OBJ),$(SRC:%.c=$(BUILD)/%.o)) $(BUILD)/default_criteria.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HELPER_SRC = $(wildcard tests/unit/helper_*.c)
HELPER_OBJ = $(HELPER_SRC:%.c=$(BUILD)/%.o)
PROG     = $(if $(filter build,$(BUILD)),verdict,$(BUILD)/verdict)

.PHONY: all run test check-unit check-cli asan install uninstall clean bench fuzz deps
.PHONY: valgrind bench-build
all: $(PROG)

$(PROG): $(MAIN_OBJ) $(LIB_OBJ)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/%.o: %.c $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The default criteria are compiled in, so verdict finds them from anywhere.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -O2 -o $@ $<
$(BUILD)/default_criteria.c: criteria/node-vs-python.yaml $(BUILD)/embed
	$(BUILD)/embed default_criteria $< > $@.tmp && mv $@.tmp $@
$(BUILD)/default_criteria.o: $(BUILD)/default_criteria.c
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB_OBJ) $(HELPER_OBJ) $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(LIB_OBJ) $(HELPER_OBJ) \
		$(ALL_LDFLAGS) $(CMOCKA_LIBS) $(LIBS)

deps:
	@scripts/deps.sh test

run: $(PROG)
	./$(PROG) $(ARGS)

# Unit tests, then the command-line and terminal tests; tests/run.sh prints
# the closing "N passed, N failed" line.
test: deps
	@$(MAKE) --no-print-directory $(PROG) $(UNIT_BIN)
	@tests/run.sh $(PROG) $(UNIT_BIN)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan \
		SAN_FLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		CFLAGS='-O1 -g' test

# The command-line tests with verdict under valgrind's memcheck: an error or
# a definite or indirect leak fails them (tests/valgrind.sh says which
# scripts it leaves out and why).
valgrind: deps
	@command -v valgrind >/dev/null 2>&1 || scripts/deps.sh ci
	@$(MAKE) --no-print-directory $(PROG)
	@tests/valgrind.sh $(PROG)

# Benchmarks (bench/, docs/performance.md): `make bench` builds and runs
# them, printing medians; CI only builds them (`make bench-build`).
BENCH_BIN = $(BUILD)/bench/yaml_floor $(BUILD)/bench/save
$(BUILD)/bench/yaml_floor: bench/yaml_floor.c $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $$($(PKG_CONFIG) --libs yaml-0.1)
$(BUILD)/bench/save: bench/save.c $(LIB_OBJ) $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB_OBJ) $(ALL_LDFLAGS) $(LIBS)

bench-build: $(PROG) $(BENCH_BIN)

bench: deps
	@$(MAKE) --no-print-directory bench-build
	@bench/run.sh $(PROG) $(BUILD)/bench

# Fuzzing with clang's libFuzzer: each target for FUZZ_TIME seconds after
# replaying its seeds (tests/fuzz/corpus/TARGET). The library code is built
# once with the fuzzer's instrumentation and linked into every target.
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_TARGETS = criteria answers export
FUZZ_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
              -DVERDICT_VERSION='"$(VERSION)"' -g -O1 -fsanitize=fuzzer,address,undefined \
              -fno-sanitize-recover=all -Isrc -I$(BUILD)
FUZZ_SRC = $(filter-out src/main.c src/cmd_%.c src/cli_store.c,$(wildcard src/*.c))
FUZZ_OBJ = $(FUZZ_SRC:src/%.c=$(BUILD)/fuzz/obj/%.o) $(BUILD)/fuzz/obj/default_criteria.o

$(BUILD)/fuzz/obj/%.o: src/%.c $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS:-fsanitize=fuzzer,%=-fsanitize=fuzzer-no-link,%) -c -o $@ $<
$(BUILD)/fuzz/obj/default_criteria.o: $(BUILD)/default_criteria.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS:-fsanitize=fuzzer,%=-fsanitize=fuzzer-no-link,%) -c -o $@ $<
# Kept between runs: make would otherwise delete them as intermediate files.
.SECONDARY: $(FUZZ_OBJ)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS) -lm

fuzz:
	@scripts/deps.sh ci
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
	@tests/fuzz/run.sh $(BUILD) $(FUZZ_TIME) $(FUZZ_TARGETS)

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/criteria $(DESTDIR)$(MANPREFIX)/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/verdict
	install -m 644 criteria/*.yaml $(DESTDIR)$(DATADIR)/criteria/
	install -m 644 docs/verdict.1 $(DESTDIR)$(MANPREFIX)/man1/verdict.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/verdict $(DESTDIR)$(MANPREFIX)/man1/verdict.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build verdict

-include $(wildcard $(BUILD)/src/*.d $(BUILD)/src/tui/*.d $(BUILD)/tests/*.d)
