#!/bin/sh
# run.sh: `make run` — a demo database on first use, then the server on 127.0.0.1:8888.
set -eu
cd "$(dirname "$0")/.."
db=data/lectern.db
mkdir -p data
if [ ! -f "$db" ]; then
	echo "run: creating $db with the demo data"
	build/lectern demo --db "$db"
	# The demo accounts' passwords are random: kept (readable by you alone) to show at every start.
	(umask 077 && build/lectern user demo --db "$db" >data/credentials.txt)
else
	build/lectern migrate --db "$db" >/dev/null
fi
echo "run: open http://127.0.0.1:8888/ (Ctrl-C stops the server)"
[ -f data/credentials.txt ] && cat data/credentials.txt
exec build/lectern serve --config conf/lectern.conf --db "$db"
