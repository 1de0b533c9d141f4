#!/usr/bin/env bash
# Ingest benchmarks of issue 3, side by side in one run on one PostgreSQL server:
#   1. a 1,000,000-row Shopify-format CSV through `prompt2pixel import` (elapsed_ms),
#      beside psql \copy of the same file into a bare table (the floor) and pandas
#      read_csv + to_sql; and the same import on the embedded PostgreSQL (out of the box);
#   2. a 100,000-row x 20-column XLSX through `prompt2pixel import` with -Xmx256m, beside
#      openpyxl reading it in read-only mode.
# Needs: the jar (./mvnw -B package -DskipTests), Debian's postgresql, postgresql-client,
# python3-pandas, python3-sqlalchemy, python3-psycopg2, python3-openpyxl.
# Usage: benchmarks/ingest/run.sh [csv-rows] [xlsx-rows]   (0 skips that part)
#        SKIP_PANDAS=1 leaves pandas out (about 13 minutes on a 2-core machine)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/batch-app/target/prompt2pixel.jar"
CSV_ROWS=${1:-1000000}
XLSX_ROWS=${2:-100000}
WORK=$(mktemp -d /tmp/p2p-ingest-bench.XXXXXX)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PORT=55439
PY=/usr/bin/python3

[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B package -DskipTests" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# date: $(date -u +%Y-%m-%dT%H:%MZ)"

chmod 777 "$WORK"
as_postgres "$PGBIN/initdb" -D "$WORK/pg" -A trust -U postgres >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PORT -k $WORK" -l "$WORK/pg.log" start >/dev/null
PSQL=(psql -h "$WORK" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -c "CREATE DATABASE p2p"

elapsed_ms() { sed -n 's/.*"elapsed_ms":\([0-9]*\).*/\1/p' | tail -1; }

if [ "$CSV_ROWS" -gt 0 ]; then
echo "== CSV: $CSV_ROWS Shopify rows"
$PY "$ROOT/benchmarks/ingest/make_shopify_csv.py" "$CSV_ROWS" "$WORK/shopify.csv"
chmod 644 "$WORK/shopify.csv"

(cd "$WORK" && SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PORT/p2p" SPRING_DATASOURCE_USERNAME=postgres \
  java -Xmx512m -jar "$JAR" import --catalog "$WORK/shopify.csv" --merchant bench 2>"$WORK/import.log") > "$WORK/import.json"
P2P_MS=$(elapsed_ms < "$WORK/import.json")
echo "prompt2pixel import (server):   $P2P_MS ms  $(awk -v r="$CSV_ROWS" -v ms="$P2P_MS" 'BEGIN {printf "%.0f rows/s", r / ms * 1000}')"
cat "$WORK/import.json"

COLUMNS=$(head -1 "$WORK/shopify.csv" | tr ',' '\n' | awk '{printf "%sc%d text", (NR > 1 ? ", " : ""), NR}')
"${PSQL[@]}" -d p2p -c "CREATE TABLE floor_copy ($COLUMNS)"
START=$(date +%s%N)
"${PSQL[@]}" -d p2p -c "\\copy floor_copy FROM '$WORK/shopify.csv' WITH (FORMAT csv, HEADER true)"
COPY_MS=$(( ($(date +%s%N) - START) / 1000000 ))
echo "psql \\copy into a bare table:   $COPY_MS ms  $(awk -v r="$CSV_ROWS" -v ms="$COPY_MS" 'BEGIN {printf "%.0f rows/s", r / ms * 1000}')"

if [ "${SKIP_PANDAS:-0}" = 1 ]; then
  echo "pandas read_csv + to_sql:       skipped (SKIP_PANDAS=1)"
else
  PANDAS_S=$($PY "$ROOT/benchmarks/ingest/pandas_to_sql.py" "$WORK/shopify.csv" "postgresql+psycopg2://postgres@localhost:$PORT/p2p")
  echo "pandas read_csv + to_sql:       $PANDAS_S s  $(awk -v r="$CSV_ROWS" -v s="$PANDAS_S" 'BEGIN {printf "%.0f rows/s", r / s}')"
fi

(cd "$WORK" && java -Xmx512m -jar "$JAR" import --catalog "$WORK/shopify.csv" --merchant bench 2>"$WORK/embedded.log") > "$WORK/embedded.json"
EMB_MS=$(elapsed_ms < "$WORK/embedded.json")
echo "prompt2pixel import (embedded): $EMB_MS ms  $(awk -v r="$CSV_ROWS" -v ms="$EMB_MS" 'BEGIN {printf "%.0f rows/s", r / ms * 1000}')"

(cd "$WORK" && SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PORT/p2p" SPRING_DATASOURCE_USERNAME=postgres \
  java -Xmx512m -jar "$JAR" import --catalog "$WORK/shopify.csv" --merchant bench 2>"$WORK/again.log") > "$WORK/again.json"
AGAIN_MS=$(elapsed_ms < "$WORK/again.json")
echo "prompt2pixel re-import, all unchanged (server): $AGAIN_MS ms  $(awk -v r="$CSV_ROWS" -v ms="$AGAIN_MS" 'BEGIN {printf "%.0f rows/s", r / ms * 1000}')"

fi

if [ "$XLSX_ROWS" -gt 0 ]; then
echo "== XLSX: $XLSX_ROWS rows x 20 columns"
$PY "$ROOT/benchmarks/ingest/make_xlsx.py" "$XLSX_ROWS" "$WORK/catalog.xlsx"
(cd "$WORK" && SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PORT/p2p" SPRING_DATASOURCE_USERNAME=postgres \
  java -Xmx256m -jar "$JAR" import --catalog "$WORK/catalog.xlsx" --merchant workbook 2>"$WORK/xlsx.log") > "$WORK/xlsx.json"
XLSX_MS=$(elapsed_ms < "$WORK/xlsx.json")
echo "prompt2pixel import -Xmx256m:   $XLSX_MS ms  $(awk -v r="$XLSX_ROWS" -v ms="$XLSX_MS" 'BEGIN {printf "%.0f rows/s", r / ms * 1000}')"
cat "$WORK/xlsx.json"
read -r OPENPYXL_S OPENPYXL_ROWS < <($PY "$ROOT/benchmarks/ingest/openpyxl_read.py" "$WORK/catalog.xlsx")
echo "openpyxl read-only, read only:  $OPENPYXL_S s  $(awk -v r="$XLSX_ROWS" -v s="$OPENPYXL_S" 'BEGIN {printf "%.0f rows/s", r / s}') ($OPENPYXL_ROWS rows incl. header)"
fi
