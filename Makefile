# verdict - a terminal decision advisor
#
#   make              build ./verdict (it says what is missing, installs nothing)
#   make deps         install what is missing (apt-get, as root or with sudo)
#   make run          set up what is missing, build, start verdict
#   make test         set up what is missing, build, run every test
#   make check-layers fail on an include that goes up a layer (scripts/layers.mk)
#   make asan         the tests under AddressSanitizer and UBSan
#   make valgrind     the command-line tests with verdict under valgrind
#   make bench        build the benchmarks and run them (docs/performance.md);
#                     fails when a growth test does
#   make install      PREFIX=/usr/local DESTDIR= MANPREFIX=$(PREFIX)/share/man
#                     (with the shell completions: make install-completion)
#
#   STATIC=1 (the default) links verdict wholly statically, the C library
#   included (-static-pie), where every archive is installed, else the
#   libraries that have one statically (scripts/libs.sh): a process starts
#   faster without the dynamic loader. The unit tests link the C library
#   dynamically (cmocka has no archive). STATIC=0 links everything
#   dynamically; so do make asan, make fuzz and make valgrind.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/verdict
MANPREFIX ?= $(PREFIX)/share/man
# Where bash-completion, zsh and fish look for completions of their own.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
PKG_CONFIG ?= pkg-config
CC       ?= cc
BUILD    ?= build
STATIC   ?= 1
.DEFAULT_GOAL := all

# Set-up first: build/config.mk records the compiler flags of the libraries,
# found with pkg-config. Make remakes it before anything else and reads it in.
# Plain `make` only says what is missing (scripts/deps.sh --check) and stops;
# the goals that set up the machine (the README's `make run` and `make test`,
# and `make deps` itself) install it first.
NO_CONFIG_GOALS = clean uninstall deps check-layers asan install-completion
INSTALL_GOALS = run test deps valgrind bench fuzz
ifneq ($(filter-out $(NO_CONFIG_GOALS),$(or $(MAKECMDGOALS),all)),)
include $(BUILD)/config.mk
endif
DEPS = PKG_CONFIG='$(PKG_CONFIG)' scripts/deps.sh

# PKG_LIBS_STATIC is scripts/libs.sh's line (a library without its archive
# linked dynamically, and said so); STATIC picks one of the two.
$(BUILD)/config.mk: scripts/deps.sh scripts/libs.sh
	@mkdir -p $(BUILD)
	@$(DEPS) $(if $(filter $(INSTALL_GOALS),$(MAKECMDGOALS)),,--check) build
	@curses=ncursesw; $(PKG_CONFIG) --exists ncursesw || curses=ncurses; \
	pkgs="$$curses yaml-0.1 sqlite3 jansson nettle"; \
	static=$$(PKG_CONFIG='$(PKG_CONFIG)' CC='$(CC)' scripts/libs.sh $$pkgs) || exit 1; \
	whole=$$(PKG_CONFIG='$(PKG_CONFIG)' CC='$(CC)' scripts/libs.sh --whole $$pkgs) || exit 1; \
	yaml=$$(PKG_CONFIG='$(PKG_CONFIG)' CC='$(CC)' scripts/libs.sh --whole yaml-0.1 2>/dev/null) || exit 1; \
	{ echo "PKG_CFLAGS = $$($(PKG_CONFIG) --cflags $$pkgs)"; \
	  echo "PKG_LIBS_DYNAMIC = $$($(PKG_CONFIG) --libs $$pkgs)"; \
	  echo "PKG_LIBS_STATIC = $$static"; \
	  echo "PKG_LIBS_WHOLE = $$whole"; \
	  echo "YAML_LIBS_WHOLE = $$yaml"; \
	  echo "CMOCKA_CFLAGS = $$($(PKG_CONFIG) --cflags cmocka 2>/dev/null)"; \
	  echo "CMOCKA_LIBS = $$($(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)"; \
	} > $@.tmp && mv $@.tmp $@

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wredundant-decls -Wformat=2 -Wwrite-strings -Wvla -Wundef -Wpointer-arith \
       -Wcast-align -Wnull-dereference -Wdouble-promotion -Wimplicit-fallthrough
ifeq ($(WERROR),1)
WARN += -Werror
endif
CFLAGS ?= -O2 -g
# The language, the system interfaces and the include path of every build,
# the fuzzing one included.
BASE_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
              -DVERDICT_VERSION='"$(VERSION)"' -Isrc -I$(BUILD)
ALL_CFLAGS = $(BASE_CFLAGS) $(WARN) $(SAN_FLAGS) -MMD -MP \
             $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(PKG_CFLAGS)) $(CFLAGS) $(CPPFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)
PKG_LIBS = $(if $(filter 1,$(STATIC)),$(PKG_LIBS_STATIC),$(PKG_LIBS_DYNAMIC))
LIBS = $(PKG_LIBS) -lm
# verdict itself (and the floor it is measured against) links wholly
# statically with STATIC=1 where it can (libs.sh --whole): no dynamic loader,
# no shared library to map at start. The unit tests link cmocka, which has
# no archive, so they link as LIBS says.
PROG_LIBS = $(if $(and $(filter 1,$(STATIC)),$(PKG_LIBS_WHOLE)),$(PKG_LIBS_WHOLE) -lm,$(LIBS))
# Touched when STATIC changes, so that the programs are linked again.
LINK_STAMP = $(BUILD)/static-$(if $(filter 1,$(STATIC)),on,off)
$(BUILD)/static-%:
	@mkdir -p $(@D)
	@rm -f $(BUILD)/static-*
	@touch $@

# The layers (scripts/layers.mk): which sources each holds, and the objects
# of a layer and of every layer below it.
include scripts/layers.mk
SRC      = $(wildcard src/*.c src/tui/*.c)
GEN_SRC  = $(BUILD)/default_criteria.c
obj      = $(patsubst %.c,$(BUILD)/%.o,$(patsubst $(BUILD)/%,%,$1))
layer_src = $(filter $(LAYER_$1:%=src/%.c),$(SRC)) $(filter $(LAYER_$1:%=$(BUILD)/%.c),$(GEN_SRC))
# upto NAME: the layers from the lowest up to NAME.
upto     = $(call upto_in,$1,$(LAYERS))
upto_in  = $(if $2,$(firstword $2) $(if $(filter $1,$(firstword $2)),,$(call upto_in,$1,$(wordlist 2,$(words $2),$2))))
layer_obj = $(call obj,$(foreach l,$(call upto,$1),$(call layer_src,$l)))

MAIN_OBJ = $(BUILD)/src/main.o
LIB_OBJ  = $(filter-out $(MAIN_OBJ),$(call obj,$(SRC) $(GEN_SRC)))
PROG     = $(if $(filter build,$(BUILD)),verdict,$(BUILD)/verdict)

# Unit tests and their helpers (tests/unit/helper_*.c, code the tests share)
# name their layer on the first line, "/* layer: NAME */". A test links the
# objects of its layer and those below, and the helpers of those layers, so
# that a call to a higher layer fails to link.
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HELPER_SRC = $(wildcard tests/unit/helper_*.c)
$(foreach f,$(UNIT_SRC) $(HELPER_SRC),\
  $(eval layer.$f := $(shell sed -n '1s|^/\* layer: \([a-z]*\) \*/$$|\1|p' $f)))
unit_obj = $(filter-out $(MAIN_OBJ),$(call layer_obj,$1)) \
           $(call obj,$(foreach h,$(HELPER_SRC),$(if $(filter $(layer.$h),$(call upto,$1)),$h)))
$(foreach t,$(UNIT_SRC),\
  $(eval $(t:tests/unit/%.c=$(BUILD)/tests/%): $(if $(filter $(layer.$t),$(LAYERS)),$(call unit_obj,$(layer.$t)))))

.PHONY: all run test check-layers asan install uninstall clean bench fuzz deps
.PHONY: valgrind bench-build install-completion
all: $(PROG)

$(PROG): $(MAIN_OBJ) $(LIB_OBJ) $(LINK_STAMP)
	$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(PROG_LIBS)

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

$(BUILD)/tests/unit/%.o: tests/unit/%.c $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -c -o $@ $<
$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/config.mk $(LINK_STAMP)
	$(if $(filter $(layer.$<),$(LAYERS)),,@echo "$<:1: no \"/* layer: NAME */\" naming a layer of scripts/layers.mk" >&2; exit 1)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit -o $@ $< $(filter %.o,$^) \
		$(ALL_LDFLAGS) $(CMOCKA_LIBS) $(LIBS)

check-layers:
	@scripts/check-layers.sh

deps:
	@$(DEPS) test

run: $(PROG)
	./$(PROG) $(ARGS)

# The layers checked, then the unit tests, then the command-line and terminal
# tests; tests/run.sh prints the closing "N passed, N failed, N skipped" line.
test: deps
	@scripts/check-layers.sh
	@$(MAKE) --no-print-directory $(PROG) $(UNIT_BIN)
	@tests/run.sh $(PROG) $(UNIT_BIN)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan STATIC=0 \
		SAN_FLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer' \
		CFLAGS='-O1 -g' test

# The command-line tests with verdict under valgrind's memcheck: an error or
# a definite or indirect leak fails them (tests/valgrind.sh says which
# scripts it leaves out and why).
# verdict is linked with the shared C library here (STATIC=0, in
# build/dyn): memcheck finds malloc and free to replace in a shared libc
# only.
valgrind: deps
	@command -v valgrind >/dev/null 2>&1 || $(DEPS) ci
	@$(MAKE) --no-print-directory BUILD=build/dyn STATIC=0 build/dyn/verdict
	@tests/valgrind.sh build/dyn/verdict

# Benchmarks (bench/, docs/performance.md): `make bench` builds and runs
# them, each command against its floor in paired runs, printing the median
# of the pairwise ratios against each target; it fails only when a growth
# test does (doubling the input costing more than 2.2 x the time). CI only
# builds them (`make bench-build`).
BENCH_BIN = $(BUILD)/bench/yaml_floor $(BUILD)/bench/save $(BUILD)/bench/paired
# The floor links as verdict does: with STATIC=1 wholly statically where it
# can, else libyaml statically.
$(BUILD)/bench/yaml_floor: bench/yaml_floor.c $(BUILD)/config.mk $(LINK_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) \
		$(if $(filter 1,$(STATIC)),$(or $(YAML_LIBS_WHOLE),$$(PKG_CONFIG='$(PKG_CONFIG)' CC='$(CC)' scripts/libs.sh yaml-0.1)),$$($(PKG_CONFIG) --libs yaml-0.1))
$(BUILD)/bench/paired: bench/paired.c $(BUILD)/config.mk
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)
$(BUILD)/bench/save: bench/save.c $(call layer_obj,storage) $(BUILD)/config.mk $(LINK_STAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(filter %.o,$^) $(ALL_LDFLAGS) $(LIBS)

bench-build: $(PROG) $(BENCH_BIN)

bench: deps
	@$(MAKE) --no-print-directory bench-build
	@bench/run.sh $(PROG) $(BUILD)/bench

# Fuzzing with clang's libFuzzer: each target for FUZZ_TIME seconds after
# replaying its seeds (tests/fuzz/corpus/TARGET). Every layer below the faces
# is built once with the fuzzer's instrumentation, under $(BUILD)/fuzz/, and
# linked into every target.
FUZZ_CC ?= clang
FUZZ_TIME ?= 60
FUZZ_TARGETS = criteria answers export
FUZZ_CFLAGS = $(BASE_CFLAGS) -g -O1
FUZZ_SAN = address,undefined -fno-sanitize-recover=all
FUZZ_OBJ = $(patsubst $(BUILD)/%,$(BUILD)/fuzz/%,\
             $(call layer_obj,$(lastword $(filter-out $(lastword $(LAYERS)),$(LAYERS)))))
FUZZ_COMPILE = @mkdir -p $(@D) && \
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) -c -o $@ $<

$(BUILD)/fuzz/src/%.o: src/%.c $(BUILD)/config.mk
	$(FUZZ_COMPILE)
$(BUILD)/fuzz/%.o: $(BUILD)/%.c
	$(FUZZ_COMPILE)
# Kept between runs: make would otherwise delete them as intermediate files.
.SECONDARY: $(FUZZ_OBJ)
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS_DYNAMIC) -lm

fuzz:
	@$(DEPS) ci
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(BUILD)/fuzz/fuzz_%)
	@tests/fuzz/run.sh $(BUILD) $(FUZZ_TIME) $(FUZZ_TARGETS)

install: $(PROG) install-completion
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/criteria $(DESTDIR)$(MANPREFIX)/man1
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/verdict
	install -m 644 criteria/*.yaml $(DESTDIR)$(DATADIR)/criteria/
	install -m 644 docs/verdict.1 $(DESTDIR)$(MANPREFIX)/man1/verdict.1

# The shell completions (completion/), where each shell finds them.
install-completion:
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 completion/verdict.bash $(DESTDIR)$(BASHCOMPDIR)/verdict
	install -m 644 completion/_verdict $(DESTDIR)$(ZSHCOMPDIR)/_verdict
	install -m 644 completion/verdict.fish $(DESTDIR)$(FISHCOMPDIR)/verdict.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/verdict $(DESTDIR)$(MANPREFIX)/man1/verdict.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/verdict $(DESTDIR)$(ZSHCOMPDIR)/_verdict \
		$(DESTDIR)$(FISHCOMPDIR)/verdict.fish
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build verdict

-include $(wildcard $(BUILD)/src/*.d $(BUILD)/src/tui/*.d $(BUILD)/tests/*.d $(BUILD)/tests/unit/*.d)
