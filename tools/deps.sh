#!/bin/sh
# deps.sh: installs the Debian packages Lectern builds and tests with (when run as root),
# and the npm packages of the browser tests. Prints the exact apt-get line otherwise.
set -eu
cd "$(dirname "$0")/.."

pkgs="build-essential pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libxml2-dev
libxml2-utils libsodium-dev libinih-dev libseccomp-dev libyaml-dev libical-dev libyajl-dev libcsv-dev
libxlsxwriter-dev
libcurl4-openssl-dev libcmocka-dev zlib1g-dev libbrotli-dev curl ca-certificates chromium clang
time python3-html5lib"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || pkgs="$pkgs nodejs npm"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "deps: installing$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "deps: missing Debian packages; run as root:"
		echo "  apt-get install -y$missing"
		exit 1
	fi
fi

# Browser tests drive Debian's chromium with playwright-core (no browser download) and check
# every page with axe-core.
if [ ! -d tests/browser/node_modules/playwright-core ] || [ ! -d tests/browser/node_modules/axe-core ]; then
	echo "deps: npm ci in tests/browser"
	(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
fi
