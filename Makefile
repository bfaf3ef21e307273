# Set-up and everyday commands. `make site` and `make test` work on a fresh Debian machine: they install the
# cmark-gfm C library (and the cmark-gfm command the tests compare against) with apt-get when it is missing.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm

.PHONY: site test check deps build bench hostile clean

site: deps
	$(SWIFT) build -c release --product dossier
	.build/release/dossier build .

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The site as a reader gets it: nginx under /briefing/, linkchecker, the Nu validator, headless Chromium.
check: deps
	bash check/run.sh

deps:
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libcmark-gfm || ! command -v cmark-gfm >/dev/null; then \
		echo "Installing $(APT_PACKAGES) with apt-get"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

# Speed and memory against Hugo and the cmark-gfm floor: `make bench SIZES=1000,10000 RUNS=3`; BENCH_DIR=/dev/shm
# builds in memory instead of the system's temporary folder. REFERENCE=path/to/other/dossier builds each site with
# that binary too, alternating run by run, and prints the two side by side (REFERENCE_TEMPLATES=DIR: its templates;
# REFERENCE_CONFIG=FILE: its site.yml; REFERENCE_OLD_TERRITORY=1: its territory.csv in the seven columns of before
# quoted figures).
SIZES ?= 1000,10000,50000
RUNS ?= 3
BENCH_DIR ?=
REFERENCE ?=
REFERENCE_TEMPLATES ?=
REFERENCE_CONFIG ?=
REFERENCE_OLD_TERRITORY ?=
bench: deps
	@command -v hugo >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo; }
	@[ -x /usr/bin/time ] || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq time; }
	$(SWIFT) build -c release --product dossier
	python3 bench/run.py --sizes $(SIZES) --runs $(RUNS) $(if $(BENCH_DIR),--work $(BENCH_DIR)) \
		$(if $(REFERENCE),--reference $(REFERENCE)) $(if $(REFERENCE_TEMPLATES),--reference-templates $(REFERENCE_TEMPLATES)) \
		$(if $(REFERENCE_CONFIG),--reference-config $(REFERENCE_CONFIG)) \
		$(if $(REFERENCE_OLD_TERRITORY),--reference-old-territory)

# Each pathological input (huge tables, bracket storms, self-including templates, a damaged cache…) against the
# limits every build keeps: at most 2 s and 500 MB, a diagnostic and exit 1, never a crash.
hostile: deps
	$(SWIFT) build -c release --product dossier
	python3 bench/hostile.py

build: deps
	$(SWIFT) build -c release --product dossier

clean:
	rm -rf .build public
