# Paiban developer commands. Every target creates the virtual environment it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench venv sysdeps clean fonts

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# Debian packages the tests and proofs need (poppler, qpdf, ghostscript, Qt's X libraries).
sysdeps:
	@if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    poppler-utils qpdf ghostscript xvfb xauth libegl1 libgl1 libxkbcommon0 \
	    libfontconfig1 libdbus-1-3 libxcb-cursor0 fonts-noto-cjk >/dev/null; \
	else echo "sysdeps: not root or no apt-get; assuming poppler-utils, qpdf, ghostscript are installed"; fi

# Export the sample issue to out/sample-issue.pdf plus PNG proofs in out/.
demo: $(STAMP)
	@command -v pdftoppm >/dev/null || $(MAKE) sysdeps
	$(BIN)/paiban export assets/samples/sample-issue.yaml -o out --png 100

test: $(STAMP)
	@command -v pdftoppm >/dev/null && command -v qpdf >/dev/null && command -v gs >/dev/null || $(MAKE) sysdeps
	QT_QPA_PLATFORM=offscreen PAIBAN_STRICT=1 $(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench,test]'
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf out build *.egg-info
