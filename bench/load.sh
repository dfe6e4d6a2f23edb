#!/usr/bin/env bash
# `make load-test`: gunicorn on PostgreSQL with the large data set, under mixed
# traffic from wrk, then the failure drill. See bench/README.md; figures in
# docs/performance.md. Traffic goes to 127.0.0.1 only; every step is bounded.
#
#   SOURCE=postgres://postgres@127.0.0.1:5432/exchange_prod_bench bench/load.sh
#   DURATION=30 CONNECTIONS="16" SKIP_DRILL=1 bench/load.sh
#
# SOURCE is a database filled by `manage.py generate_data` (bench/run.sh makes
# one). It is copied with pg_dump into a PostgreSQL cluster of the script's own
# (initdb in $PGDATA_DIR, port $PG_PORT), so the drill can stop that server
# without disturbing anything else on the machine. The shared cache is a Redis
# server of its own too (port $REDIS_PORT; REDIS=none runs without one, each
# process with its own cache). Needs wrk (apt-get install wrk), PostgreSQL's
# server binaries and redis-server (apt-get install redis-server); run as root
# or as postgres.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
SOURCE=${SOURCE:-postgres://postgres@127.0.0.1:5432/exchange_prod_bench}
PORT=${PORT:-8700}
PG_PORT=${PG_PORT:-5499}
REDIS_PORT=${REDIS_PORT:-6399}
REDIS=${REDIS:-own}
PGDATA_DIR=${PGDATA_DIR:-/tmp/exchange-load-pg}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-16 64}
DRILL_SECONDS=${DRILL_SECONDS:-45}
OUTAGE_AT=${OUTAGE_AT:-10}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-10}
OUT=bench/results/load-$(date -u +%Y%m%dT%H%M%SZ)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
pg() { as_postgres "$PGBIN/pg_ctl" -D "$PGDATA_DIR" "$@"; }

gunicorn_pid="" redis_pid=""
cleanup() {
    [ -n "$gunicorn_pid" ] && kill "$gunicorn_pid" 2>/dev/null && wait "$gunicorn_pid" 2>/dev/null || true
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
    pg stop -m fast >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== A PostgreSQL of our own on port $PG_PORT, restored from a pg_dump of $SOURCE"
rm -rf "$PGDATA_DIR" && mkdir -p "$PGDATA_DIR" && chown postgres "$PGDATA_DIR" 2>/dev/null || true
as_postgres "$PGBIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres --no-instructions >/dev/null
pg -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$PGDATA_DIR/log" -w start >/dev/null
URL=postgres://postgres@127.0.0.1:$PG_PORT/exchange_prod_load
psql "postgres://postgres@127.0.0.1:$PG_PORT/postgres" -q -c "CREATE DATABASE exchange_prod_load"
pg_dump --format=custom "$SOURCE" | pg_restore --no-owner --exit-on-error --dbname "$URL"
psql "$URL" -q -c "VACUUM ANALYZE"

if [ "$REDIS" = own ]; then
    echo "== A Redis of our own on port $REDIS_PORT, keeping nothing on disk"
    command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install redis-server" >&2; exit 1; }
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$PWD/$OUT" \
        --logfile "$PWD/$OUT/redis.log" &
    redis_pid=$!
    for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    export CACHE_URL=redis://127.0.0.1:$REDIS_PORT/0
fi

# Production settings, as a deployment behind nginx gets them (X-Forwarded-Proto
# trusted; wrk sends it), plus the bare view (bench/settings.py).
export PRODUCTION=1 DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=$URL ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY="load-test-$(date +%s)-not-a-real-key-0123456789abcdefghijklmnopqrstuvwxyz"
export TRUST_X_FORWARDED_PROTO=1 STATIC_ROOT=$OUT/static GUNICORN_BIND=127.0.0.1:$PORT GUNICORN_ACCESS_LOG=""
# No recycling of workers during the run: a restart would blur the figures and the drill's proof.
export GUNICORN_MAX_REQUESTS=0

echo "== Accounts, sessions, static files"
"$PYTHON" bench/load_prepare.py "$OUT" | tee "$OUT/prepare.txt"
"$PYTHON" manage.py collectstatic --noinput -v0

echo "== gunicorn"
"$PYTHON" -m gunicorn -c gunicorn.conf.py exchange.wsgi >"$OUT/gunicorn.log" 2>&1 &
gunicorn_pid=$!
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null && break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null
echo "gunicorn master pid $gunicorn_pid: $(grep -m1 -o 'Using worker: .*' "$OUT/gunicorn.log")"

# The mix: of every 16 connections, 5 are officers on /my/, 5 officials on
# cohort reports, 1 a coordinator on the admin's lists (the secretariat is a
# handful of people; its searches over 100 000 placements are the heaviest
# requests), and 5 ask for the bare view. The same number of connections on
# /my/, the report and the bare view makes their req/s directly comparable.
mixed() { # connections seconds tag: one wrk per page, all at once
    local unit=$(($1 / 16)) seconds=$2 tag=$3 page pids=()
    for page in my:5 report:5 admin:1 bare:5; do
        wrk -c "$((${page#*:} * unit))" -t 1 -d "${seconds}s" --timeout 10s -s bench/load.lua \
            "http://127.0.0.1:$PORT" -- "$OUT/${page%:*}.lua" "${page%:*}" >"$OUT/wrk-$tag-${page%:*}.txt" 2>&1 &
        pids+=($!)
    done
    wait "${pids[@]}"
}

{
    echo "# bench/load.sh, $(date -u +%FT%TZ)"
    echo
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;" \
        "$("$PYTHON" --version); PostgreSQL $(psql "$URL" -At -c 'SHOW server_version'); $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2);" \
        "shared cache: ${CACHE_URL:-none (each process its own)}"
    echo "$(cat "$OUT/prepare.txt")"
    echo
} >"$OUT/report.md"

echo "== Warm-up (10 s)"
mixed 16 10 warmup
for connections in $CONNECTIONS; do
    echo "== $connections connections for $DURATION s"
    mixed "$connections" "$DURATION" "$connections"
done
"$PYTHON" bench/load_report.py "$OUT" $CONNECTIONS | tee -a "$OUT/report.md"

echo "== CPU per request, each page alone at 4 connections"
{
    echo
    echo "## CPU per request, each page alone at 4 connections"
    echo
    bench/cpu_per_request.sh "http://127.0.0.1:$PORT" "$OUT" "$gunicorn_pid" "$(head -1 "$PGDATA_DIR/postmaster.pid")" \
        "${redis_pid:-}"
} | tee -a "$OUT/report.md"

if [ -z "${SKIP_DRILL:-}" ]; then
    echo "== Failure drill: PostgreSQL stopped at ${OUTAGE_AT} s for ${OUTAGE_SECONDS} s, under 16 connections of load"
    booted_before=$(grep -c 'Booting worker' "$OUT/gunicorn.log")
    echo "workers booted so far: $booted_before"
    mixed 16 "$DRILL_SECONDS" drill &
    load=$!
    "$PYTHON" bench/drill.py "http://127.0.0.1:$PORT" "$OUT" --seconds "$DRILL_SECONDS" >"$OUT/drill.txt" &
    drill=$!
    sleep "$OUTAGE_AT"
    pg stop -m fast >/dev/null
    echo "PostgreSQL stopped at $(date -u +%T)"
    sleep "$OUTAGE_SECONDS"
    pg -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$PGDATA_DIR/log" -w start >/dev/null
    echo "PostgreSQL started at $(date -u +%T)"
    wait "$drill" "$load"
    {
        echo
        echo "## Failure drill"
        echo
        echo '```'
        cat "$OUT/drill.txt"
        echo '```'
        echo
        echo "gunicorn master pid $gunicorn_pid alive afterwards: $(kill -0 "$gunicorn_pid" 2>/dev/null && echo yes || echo no);" \
            "workers booted during the drill: $(($(grep -c 'Booting worker' "$OUT/gunicorn.log") - booted_before))"
        echo
        echo "Load during the drill (wrk, 16 connections):"
        cat "$OUT"/wrk-drill-*.txt | grep '^{'
    } | tee -a "$OUT/report.md"
fi
echo
echo "Written to $OUT/report.md"
