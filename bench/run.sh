#!/usr/bin/env bash
# `make bench`: fill a PostgreSQL database with `manage.py generate_data`
# (100 000 placements, 300 cohorts by default), then time the officials'
# reports and exports against it with bench/reports.py. See bench/README.md.
#
#   bench/run.sh                          # fill $BENCH_DATABASE afresh, then measure
#   REUSE=1 bench/run.sh                  # measure the database filled last time
#   PLACEMENTS=20000 REQUESTS=10 bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
PLACEMENTS=${PLACEMENTS:-100000}
COHORTS=${COHORTS:-300}
SEED=${SEED:-2023}
REQUESTS=${REQUESTS:-30}
PG_SERVER=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}
BENCH_DATABASE=${BENCH_DATABASE:-exchange_reports_bench}
URL="$PG_SERVER/$BENCH_DATABASE"
RESULTS=bench/results
mkdir -p "$RESULTS"

if [[ -z ${REUSE:-} ]]; then
    echo "Filling $BENCH_DATABASE (dropped and created again) with $PLACEMENTS placements in $COHORTS cohorts"
    psql "$PG_SERVER/postgres" --quiet --set ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $BENCH_DATABASE" -c "CREATE DATABASE $BENCH_DATABASE"
    DATABASE_URL=$URL "$PYTHON" manage.py migrate --verbosity 0
    DATABASE_URL=$URL "$PYTHON" manage.py generate_data \
        --placements "$PLACEMENTS" --cohorts "$COHORTS" --seed "$SEED"
    # Fresh planner statistics, as autovacuum would have them a minute later.
    psql "$URL" --quiet -c "VACUUM ANALYZE"
fi

out="$RESULTS/reports-$(date -u +%Y%m%dT%H%M%SZ).md"
{
    echo "# bench/reports.py, $(date -u +%FT%TZ)"
    echo
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$PYTHON" --version);" \
        "$(psql "$URL" -At -c 'SHOW server_version') PostgreSQL"
    echo
    DATABASE_URL=$URL "$PYTHON" bench/reports.py --requests "$REQUESTS"
} | tee "$out"
echo
echo "Written to $out"
