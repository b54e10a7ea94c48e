#!/bin/sh
# System packages the test suite needs: Debian's Chromium for the UI end-to-end
# test (tests/server/test_ui.py drives /usr/bin/chromium through the `playwright`
# package; Playwright's own browser download is never used). Idempotent and quiet.
set -eu

if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
