#!/usr/bin/env bash
# Debian's Chromium and ChromeDriver for the dashboard browser tests (tests/test_web_*.py).
# Idempotent and quiet: does nothing when both are installed. Playwright drives this Chromium
# through executable_path; its own browser download is never used (it cannot reach the network).
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "browser_ensure: chromium is missing and installing it needs root (apt-get)" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
# apt prints progress and debconf notes; show them only when the install fails.
if ! { apt-get update -qq && apt-get install -y -qq chromium chromium-driver; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
