#!/usr/bin/env bash
# Time `manage.py generate_data` on a fresh SQLite file and a fresh PostgreSQL
# database, and leave both filled for bench/admin_changelist.py.
#
#   bench/run_generate.sh                 # both databases, 100 000 placements
#   SKIP_POSTGRESQL=1 bench/run_generate.sh
#   PLACEMENTS=20000 PYTHON=.venv/bin/python bench/run_generate.sh
#
# The SQLite file is bench/results/bench.sqlite3; the PostgreSQL database is
# dropped and created again as $PG_DATABASE (default exchange_bench) on the
# server $PG_SERVER, through psql. Timings are appended to
# bench/results/generate.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python}
PLACEMENTS=${PLACEMENTS:-100000}
COHORTS=${COHORTS:-300}
SEED=${SEED:-2023}
PG_SERVER=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}
PG_DATABASE=${PG_DATABASE:-exchange_bench}
RESULTS=bench/results
mkdir -p "$RESULTS"

time_generate() {
    local label=$1 url=$2 started finished
    DATABASE_URL=$url "$PYTHON" manage.py migrate --verbosity 0
    started=$(date +%s.%N)
    DATABASE_URL=$url "$PYTHON" manage.py generate_data \
        --placements "$PLACEMENTS" --cohorts "$COHORTS" --seed "$SEED"
    finished=$(date +%s.%N)
    local seconds
    seconds=$(awk "BEGIN { printf \"%.1f\", $finished - $started }")
    echo "$label: generate_data --placements $PLACEMENTS took $seconds s (wall, including start-up)"
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$label" "$PLACEMENTS" "$seconds" "$(nproc) cores" \
        >>"$RESULTS/generate.tsv"
}

if [[ -z ${SKIP_SQLITE:-} ]]; then
    rm -f "$RESULTS"/bench.sqlite3 "$RESULTS"/bench.sqlite3-*
    time_generate sqlite "sqlite:///$PWD/$RESULTS/bench.sqlite3"
fi

if [[ -z ${SKIP_POSTGRESQL:-} ]]; then
    psql "$PG_SERVER/postgres" --quiet --set ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS $PG_DATABASE" -c "CREATE DATABASE $PG_DATABASE"
    time_generate postgresql "$PG_SERVER/$PG_DATABASE"
    # Fresh statistics, as autovacuum would have them a minute later.
    psql "$PG_SERVER/$PG_DATABASE" --quiet -c "VACUUM ANALYZE"
fi
