#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need, starts the services
# they use (PostgreSQL; Chromium for the browser tests), then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -e '.[dev,pg,parquet,web,dask]'

if [ -x scripts/pg_ensure.sh ] || [ -f scripts/pg_ensure.sh ]; then
    # Prints a DSN for a real PostgreSQL server on 127.0.0.1 (installs and starts one if missing).
    WARTA_TEST_PG_DSN="$(bash scripts/pg_ensure.sh)"
    export WARTA_TEST_PG_DSN
fi

if [ -f scripts/browser_ensure.sh ]; then
    # Debian's chromium for the dashboard tests (installed when missing).
    bash scripts/browser_ensure.sh
fi

exec python -m pytest "$@"
