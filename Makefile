# Two commands: `make run` starts the toolkit, `make test` runs the whole suite.
VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  ?= python3
SYSTEM_PACKAGES := minetest-server minetest-mod-pycraft minetest-mod-worldedit chromium \
                   fonts-dejavu-core iproute2 postgresql nodejs \
                   libpango-1.0-0 libpangoft2-1.0-0 poppler-utils zbar-tools minetest xvfb xdotool
READERS := tests/readers

.PHONY: run test lint format system-deps benchmark clean translations

# `make run HOST=0.0.0.0` serves on the school network too (the same as `jagten up --school-network`).
run: $(VENV)/.installed
	$(BIN)/jagten up $(if $(HOST),--host $(HOST))

test: $(VENV)/.test-installed system-deps $(READERS)/node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/jagten lessons check
	tests/own_network $(BIN)/pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

benchmark: $(VENV)/.test-installed system-deps
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/votes.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# On Debian as root (CI is), install the real game server and browser the tests use.
system-deps:
	@missing=""; \
	for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Missing system packages:$$missing -- install them with: sudo apt-get install$$missing"; \
		if [ -n "$$CI" ]; then exit 1; fi; \
	fi

# PrismarineJS readers that check the exports independently of the code that writes them.
$(READERS)/node_modules/.installed: $(READERS)/package.json $(READERS)/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 with npm"; exit 1; }
	npm ci --prefix $(READERS) --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache $(READERS)/node_modules

# After changing a user-facing text: refresh the catalogues, add the Danish, then compile.
# The portal's pages use teacher_portal/translations; the command line and the estate and
# lesson files use worlds/translations (domain "jagten", see worlds/language.py).
translations: $(VENV)/.test-installed
	$(BIN)/pybabel -q extract --no-location --sort-output -F teacher_portal/babel.cfg -k _l -k lazy_gettext -o teacher_portal/messages.pot teacher_portal
	$(BIN)/pybabel -q update -N --ignore-obsolete --no-fuzzy-matching -i teacher_portal/messages.pot -d teacher_portal/translations
	$(BIN)/pybabel -q compile -d teacher_portal/translations
	rm teacher_portal/messages.pot
	$(BIN)/pybabel -q extract --no-location --sort-output -k N_ -k say -o worlds/jagten.pot \
		worlds lessons minecraft_scripts teacher_portal/cli.py teacher_portal/counting/cli.py \
		teacher_portal/core/school_network.py
	$(BIN)/pybabel -q update -N --ignore-obsolete --no-fuzzy-matching -D jagten \
		-i worlds/jagten.pot -d worlds/translations
	$(BIN)/pybabel -q compile -D jagten -d worlds/translations
	rm worlds/jagten.pot
