#!/usr/bin/env bash
# CPU per request: each page alone for $SECONDS_EACH s at 4 connections, and
# the user + system time that gunicorn's processes and PostgreSQL's spent on
# it (from /proc), divided by the requests served. Called by bench/load.sh:
#
#   bench/cpu_per_request.sh URL LISTS GUNICORN_MASTER_PID POSTMASTER_PID [REDIS_PID]
#
# LISTS is the folder of request lists bench/load_prepare.py wrote. Counts
# the master and its workers, the postmaster and its backends, and Redis, so
# other programs on the machine are left out.
set -euo pipefail
url=$1 lists=$2 gunicorn=$3 postmaster=$4 redis=${5:-}
seconds=${SECONDS_EACH:-10}
tick=$(getconf CLK_TCK)

ticks() { # user + system ticks of a process and its children
    local total=0 pid u s
    for pid in "$1" $(pgrep -P "$1"); do
        read -r u s < <(awk '{print $14, $15}' "/proc/$pid/stat" 2>/dev/null) || continue
        total=$((total + u + s))
    done
    echo "$total"
}

redis_ticks() { if [ -n "$redis" ]; then ticks "$redis"; else echo 0; fi; }

echo "| page | requests | gunicorn µs/request | PostgreSQL µs/request | Redis µs/request | total µs/request |"
echo "|---|---|---|---|---|---|"
for page in bare my report; do
    g0=$(ticks "$gunicorn") p0=$(ticks "$postmaster") r0=$(redis_ticks)
    line=$(wrk -c 4 -t 1 -d "${seconds}s" --timeout 10s -s bench/load.lua "$url" -- "$lists/$page.lua" "$page" | grep '^{')
    g1=$(ticks "$gunicorn") p1=$(ticks "$postmaster") r1=$(redis_ticks)
    python3 - "$line" "$tick" "$((g1 - g0))" "$((p1 - p0))" "$((r1 - r0))" <<'PY'
import json, sys
result, tick = json.loads(sys.argv[1]), int(sys.argv[2])
app, db, cache = (int(value) for value in sys.argv[3:6])
n = result["requests"]
us = lambda ticks: ticks / tick / n * 1e6
print(f"| {result['page']} | {n} | {us(app):.0f} | {us(db):.0f} | {us(cache):.0f} | {us(app + db + cache):.0f} |")
PY
done
