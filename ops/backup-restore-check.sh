#!/usr/bin/env bash
# Proves that a backup restores: `make backup-restore-check PG_URL=postgres://...`.
#
#   ops/backup-restore-check.sh postgres://postgres@127.0.0.1:5432/exchange
#
# 1. pg_dump the database (custom format: compressed, restorable table by table),
# 2. create a new, empty database beside it, named <database>_restore_check,
# 3. pg_restore the dump into it,
# 4. compare the row count of every table, and that Django sees no migration
#    missing in the copy,
# 5. drop the copy (KEEP=1 keeps it), and keep the dump only if DUMP_TO says where.
# Exits non-zero if anything differs. The source is only read.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE=${1:?usage: ops/backup-restore-check.sh postgres://user@host:port/database}
PYTHON=${PYTHON:-.venv/bin/python}
SERVER=${SOURCE%/*}
NAME=${SOURCE##*/}
COPY=${NAME}_restore_check
TARGET=$SERVER/$COPY
WORK=$(mktemp -d)
export PGOPTIONS="--client-min-messages=warning"  # no NOTICE for DROP ... IF EXISTS
DUMP=${DUMP_TO:-$WORK/$NAME.dump}
trap 'rm -rf "$WORK"; [ -n "${KEEP:-}" ] || psql "$SERVER/postgres" -q -c "DROP DATABASE IF EXISTS $COPY" 2>/dev/null || true' EXIT

# Every table of the public schema with its exact row count, one "table count" line each.
COUNTS="SELECT table_name || ' ' || (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I',
  table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables
  WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"

started=$(date +%s)
echo "Backing up $NAME with pg_dump $(pg_dump --version | awk '{print $3}')"
pg_dump --format=custom --no-owner --file "$DUMP" "$SOURCE"
# Counted right after the dump; a database in use may change between the two.
psql "$SOURCE" -At -c "$COUNTS" >"$WORK/source.txt"
echo "dump: $(du -h "$DUMP" | cut -f1) in $(( $(date +%s) - started )) s"

echo "Restoring into the new, empty database $COPY"
psql "$SERVER/postgres" -q -c "DROP DATABASE IF EXISTS $COPY" -c "CREATE DATABASE $COPY"
pg_restore --no-owner --exit-on-error --dbname "$TARGET" "$DUMP"
psql "$TARGET" -At -c "$COUNTS" >"$WORK/restored.txt"

tables=$(wc -l <"$WORK/source.txt")
rows=$(awk '{ n += $2 } END { print n }' "$WORK/source.txt")
if ! diff -u "$WORK/source.txt" "$WORK/restored.txt"; then
    echo "FAILED: row counts differ between $NAME and its restored copy (above)" >&2
    exit 1
fi
echo "row counts equal in all $tables tables ($rows rows)"
DATABASE_URL=$TARGET "$PYTHON" manage.py migrate --check --verbosity 0
echo "no migration missing in the copy"
echo "OK: the backup of $NAME restores, in $(( $(date +%s) - started )) s"
