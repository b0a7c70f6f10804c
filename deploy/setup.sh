#!/usr/bin/env bash
# Install what Dateline needs on this machine: system packages (as root), and a virtualenv in
# .venv with Dateline and its test tools. Safe to run again: it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)  # deploy/serve.sh
command -v setfacl >/dev/null 2>&1 || missing+=(acl)  # deploy/serve.sh, as root: a private checkout
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
if [ -z "${DATELINE_NO_COMPILE:-}" ]; then  # a C compiler and Python's headers, for mypyc
    command -v gcc >/dev/null 2>&1 || missing+=(gcc)
    python3 -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(
        os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null ||
        missing+=(python3-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || { say "please install: ${missing[*]}"; exit 1; }
    say "installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Browser tests: chromium chromium-driver from Debian (Playwright drives /usr/bin/chromium; a
# browser cannot be downloaded by its own installer here). DATELINE_NO_BROWSER=1 skips this.
if [ -z "${DATELINE_NO_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        say "installing chromium chromium-driver (browser tests)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    else
        say "the browser tests need chromium and chromium-driver: apt-get install them as root"
    fi
fi

python3 - <<'PY' || { say "Dateline needs Python 3.11 or newer"; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

if [ ! -x .venv/bin/python ]; then
    say "creating .venv"
    python3 -m venv .venv
fi
stamp=.venv/.dateline-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    say "installing Python packages"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test,compile,bench]'
    touch "$stamp"
fi

# The Atom feed tests validate against RFC 4287's schema (Appendix B) as RELAX NG XML: lxml's
# source distribution ships it (doc/s5/ep2008/atom.rng, the RFC's grammar converted by trang).
# Taken once from the sdist of the lxml installed here, by pip; nothing is fetched at test time.
atom_schema=.venv/share/dateline/atom.rng
if [ ! -s "$atom_schema" ]; then
    say "taking RFC 4287's Atom schema from lxml's source distribution (feed tests)"
    lxml_version=$(.venv/bin/python -c 'import lxml; print(lxml.__version__)')
    sdist=$(mktemp -d)
    .venv/bin/python -m pip download -q --no-deps --no-binary :all: "lxml==$lxml_version" -d "$sdist"
    tar -xzf "$sdist"/lxml-*.tar.gz -C "$sdist" --wildcards '*/doc/s5/ep2008/atom.rng'
    mkdir -p "$(dirname "$atom_schema")"
    cp "$sdist"/lxml-*/doc/s5/ep2008/atom.rng "$atom_schema"
    rm -rf "$sdist"
fi

# The extraction hot path, compiled with mypyc: a fifth faster. Rebuilt whenever its sources
# change; DATELINE_NO_COMPILE=1 keeps plain Python (no C compiler needed).
if [ -z "${DATELINE_NO_COMPILE:-}" ] &&
    ! .venv/bin/python -c 'import sys, search.extract as e; sys.exit(not e.compiled_is_current())'
then
    say "compiling the extraction hot path (mypyc, about 20 s)"
    .venv/bin/python -W ignore deploy/compile.py >/dev/null
fi

# As root: the unprivileged account the web workers run as (deploy/gunicorn.conf.py), and nginx's
# www-data in its group, so the two of them alone reach gunicorn's socket (deploy/serve.sh).
if [ "$(id -u)" = 0 ]; then
    web="${DATELINE_WEB_ACCOUNT:-dateline-web}"
    if ! id "$web" >/dev/null 2>&1; then
        say "making the account $web (the web workers run as it)"
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$web"
    fi
    id www-data >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin www-data
    id -nG www-data | tr ' ' '\n' | grep -qx "$web" || usermod -a -G "$web" www-data
fi

# The server's secret (search/signing.py: it signs the search cursors), made once and kept, 0600;
# DATELINE_SECRET or DATELINE_SECRET_FILE given instead are used as they are.
.venv/bin/python - <<'PY'
import os
from search.signing import write_secret
written = write_secret(os.environ)
if written:
    print(f"setup: the server secret is in {written}", file=__import__("sys").stderr)
PY
