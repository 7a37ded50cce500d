# lib.sh: helpers of the benchmarks (run.sh, cache.sh): wrk, servers started and stopped by their ids.
# Source it; OUT must name the scratch folder.

# wrk_run URL CONNS [HEADER...]: wrk -t2 for DURATION seconds; prints "req/s p50_ms p99_ms".
wrk_run() {
	local url=$1 conns=$2 args
	shift 2
	args=(-t2 -c"$conns" -d"${DURATION:-5}s" --latency --timeout 5s)
	for h in "$@"; do args+=(-H "$h"); done
	wrk "${args[@]}" "$url" >"$OUT/wrk.txt" 2>&1 || true
	awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2}
		function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
		END {printf "%.0f %.2f %.2f\n", r, ms(p50), ms(p99)}' "$OUT/wrk.txt"
}

# ratio A B: A / B with two decimals (0 when B is 0).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? a / b : 0 }'; }

# lectern_start BINARY CONF DB [LOG]: a server on a free port; sets LURL and LPID.
lectern_start() {
	local log=${4:-$OUT/lectern.log}
	: >"$log"	# before: the shell truncates it in the child, maybe after the loop below reads it
	"$1" serve --config "$2" --db "$3" --port 0 >"$log" 2>"$log.err" &
	LPID=$!
	LURL=
	for _ in $(seq 1 200); do
		LURL=$(sed -n 's,^lectern: serving on \(http://[^ ]*[0-9]\)/$,\1,p' "$log" 2>/dev/null)
		[ -n "$LURL" ] && return 0
		sleep 0.05
	done
	echo "bench: $1 did not start:" >&2
	cat "$log.err" >&2
	return 1
}

# stop PID: SIGTERM and wait.
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null || true; }

# nginx_start CONF: nginx with that configuration (a path from the root), started in the background.
nginx_start() { nginx -c "$PWD/$1" && sleep 0.2; }
# nginx_static PORT: nginx serving $OUT/www on PORT, the static reference; its pid in $OUT/nginx.pid.
nginx_static() {
	cat >"$OUT/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $PWD/$OUT/nginx.pid;
error_log $PWD/$OUT/nginx-error.log;
events { worker_connections 1024; }
http {
	access_log off;
	server { listen 127.0.0.1:$1; root $PWD/$OUT/www; }
}
NGINX
	nginx_start "$OUT/nginx.conf"
}
# nginx_stop PIDFILE
nginx_stop() {
	if [ -f "$1" ]; then kill "$(cat "$1")" 2>/dev/null || true; sleep 0.2; fi
	rm -f "$1"
}

# same_bytes FILE SIZE: a file of SIZE bytes for nginx to serve as the reference.
same_bytes() { head -c "$2" /dev/zero | tr '\0' x >"$1"; }

# median_run N FIELD CMD...: runs CMD (which prints one line of numbers) N times and prints the line
# whose FIELD-th number is the median of the N (the p99 of wrk_run, say).
median_run() {
	local n=$1 k=$2 i
	shift 2
	for i in $(seq "$n"); do "$@"; done | sort -g -k"$k,$k" | sed -n "$(((n + 1) / 2))p"
}
