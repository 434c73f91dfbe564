#!/usr/bin/env bash
# Create .venv with Python 3.10 and install Koers with pinned versions (constraints.txt).
# Usage: scripts/bootstrap.sh [extra]   e.g. "dev" installs test tools too.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA="${1:-}"
VENV=.venv
STAMP="$VENV/.installed${EXTRA:+-$EXTRA}"

find_python() {
  if command -v python3.10 >/dev/null 2>&1 && python3.10 -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    command -v python3.10; return
  fi
  if command -v pyenv >/dev/null 2>&1; then
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -rV); do
      p=$(PYENV_VERSION="$v" pyenv which python3.10 2>/dev/null || true)
      if [ -n "$p" ] && [ -x "$p" ]; then echo "$p"; return; fi
    done
  fi
  return 1
}

if [ ! -x "$VENV/bin/python" ]; then
  if ! PY=$(find_python); then
    echo "Fout: Python 3.10 niet gevonden (Rasa 3.6 werkt niet met een nieuwere Python)." >&2
    echo "Installeer Python 3.10 (bijv. 'pyenv install 3.10.13') en probeer opnieuw." >&2
    exit 1
  fi
  echo "Virtuele omgeving maken met $PY ..."
  "$PY" -m venv "$VENV"
fi

# Reinstall only when the dependency files changed since the last install.
if [ ! -f "$STAMP" ] || [ "$STAMP" -ot pyproject.toml ] || [ "$STAMP" -ot constraints.txt ]; then
  echo "Pakketten installeren (eerste keer duurt dit een paar minuten) ..."
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
  SPEC="."
  [ -n "$EXTRA" ] && SPEC=".[${EXTRA}]"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$SPEC"
  touch "$STAMP"
fi

# The Koers service runs in its own environment on a current aiohttp (requirements-service.txt
# says why); koers run starts it from there. Rasa's pins do not hold here, so no Rasa in it.
SVENV=.venv-service
REQS=requirements-service.txt
[ "$EXTRA" = "dev" ] && REQS=requirements-service-dev.txt
SSTAMP="$SVENV/.installed${EXTRA:+-$EXTRA}"
if [ ! -f "$SSTAMP" ] || [ "$SSTAMP" -ot "$REQS" ] || [ "$SSTAMP" -ot requirements-service.txt ]; then
  echo "De Koers-service een eigen omgeving geven ($SVENV) ..."
  [ -x "$SVENV/bin/python" ] || "$(find_python)" -m venv "$SVENV"
  "$SVENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
  "$SVENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS"
  # The project itself without its dependencies: those are Rasa's.
  "$SVENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  touch "$SSTAMP"
fi
