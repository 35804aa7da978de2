#!/usr/bin/env bash
# Import of people_leaving_detention.csv (106,906 rows) through the real command line into PostgreSQL,
# side by side with `psql \copy` of the same file into a plain table. See README.md beside this script.
# Everything runs against a throwaway PostgreSQL on 127.0.0.1 and is bounded in time.
set -euo pipefail

# ---------------------------------------------------------------- settings (override from the environment)
RUNS=${RUNS:-3}                      # measured runs; each on a freshly created and migrated database
STEP_TIMEOUT=${STEP_TIMEOUT:-600}    # seconds any one command may take before the benchmark gives up
TEMPLATE=${TEMPLATE:-home-office-det-d03-detailed}
EXPECTED_ROWS=${EXPECTED_ROWS:-106906}
GOAL_RATIO=${GOAL_RATIO:-2}          # the pipeline should take at most this many times as long as \copy
BUILD=${BUILD:-ready-to-run}         # ready-to-run: published as deployed; wrapper: the build ./safeguard runs

cd "$(dirname "${BASH_SOURCE[0]}")"
BENCH_DIR=$(pwd)
ROOT=$(cd ../.. && pwd)
RESULTS_DIR="$BENCH_DIR/results"
DATA_FILE=${DATA_FILE:-$ROOT/../shared/data/home-office/people_leaving_detention.csv}

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive whole number, not '$RUNS'"
[[ $BUILD == ready-to-run || $BUILD == wrapper ]] || die "BUILD must be ready-to-run or wrapper, not '$BUILD'"
[[ -f $DATA_FILE && -r $DATA_FILE ]] || die "data file not found: $DATA_FILE
       Set DATA_FILE to the path of people_leaving_detention.csv (Home Office Det_D03, 106,906 rows)."
DATA_FILE=$(cd "$(dirname "$DATA_FILE")" && pwd)/$(basename "$DATA_FILE")
[[ $DATA_FILE != *"'"* ]] || die "the data file's path may not contain a single quote (psql \\copy): $DATA_FILE"

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $*"
  fi
}

# ---------------------------------------------------------------- tools
postgres_bin_dir() {
  local dir
  # Highest installed major version first.
  for dir in $(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -t/ -k5,5 -rn); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres && -x $dir/psql ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}
if ! postgres_bin_dir >/dev/null; then
  step "Installing with apt-get: postgresql"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
fi
PG_BIN=$(postgres_bin_dir) || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin"
command -v timeout >/dev/null 2>&1 || die "timeout (coreutils) is needed"
[[ -n ${EPOCHREALTIME:-} ]] || die "bash 5 or later is needed (EPOCHREALTIME)"

# ---------------------------------------------------------------- throwaway PostgreSQL, stopped and removed on exit
if [[ $(id -u) -eq 0 ]]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

TMP=""
PG_STARTED=0
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $TMP && -d $TMP ]]; then
    if [[ $PG_STARTED -eq 1 ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$TMP"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

TMP=$(mktemp -d -t safeguard-bench-import.XXXXXX)
chmod 755 "$TMP"
mkdir -p "$TMP/pg" "$TMP/logs"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$TMP/pg"
chmod 700 "$TMP/pg"

step "Initialising a throwaway PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) in $TMP/pg"
as_pg "$PG_BIN/initdb" -D "$TMP/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$TMP/logs/initdb.log" 2>&1 \
  || { cat "$TMP/logs/initdb.log" >&2; die "initdb failed"; }

PG_PORT=""
PG_LOG=""
for candidate in 55442 $(seq 55443 55531) $(shuf -i 20000-60999 -n 50 2>/dev/null || true); do
  port_in_use "$candidate" && continue
  PG_LOG="$TMP/pg/postgres-$candidate.log"
  PG_STARTED=1 # from here on, the trap stops it (a no-op when it did not start)
  if as_pg "$PG_BIN/pg_ctl" -D "$TMP/pg/data" -l "$PG_LOG" \
      -o "-c listen_addresses=127.0.0.1 -p $candidate -k $TMP/pg" -w -t 60 start >/dev/null 2>&1; then
    PG_PORT=$candidate
    break
  fi
  # The port may have been taken in between: try the next one; on any other failure, stop.
  grep -qiE 'address already in use|could not bind|could not create any TCP/IP sockets' "$PG_LOG" 2>/dev/null || break
done
[[ -n $PG_PORT ]] || { cat "${PG_LOG:-/dev/null}" >&2 || true; die "could not start PostgreSQL on any port"; }
echo "PostgreSQL is up on 127.0.0.1:$PG_PORT"

DB=import_bench
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$DB"
psql_on() { # psql_on DATABASE ARGS...: quiet, no ~/.psqlrc, stop at the first error
  local database=$1
  shift
  timeout "$STEP_TIMEOUT" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$database" "$@"
}
scalar() { psql_on "$DB" -At -c "$1"; }

# ---------------------------------------------------------------- Safeguard, built once
# BUILD=ready-to-run (the default) measures the application as it is deployed: `dotnet publish` with
# ReadyToRun, so that start-up is not spent compiling the program and its libraries just in time
# (docs/deployment.md). BUILD=wrapper measures the build `./safeguard` runs, compiled just in time.
# Either way the build is untimed, and the timed commands run the built program directly, so that the
# wrapper's `dotnet build` up-to-date check (about 4 s) is not counted. --database goes after the command:
# placed first (`safeguard --database ... import ...`), the command line takes the arguments for `serve`.
case $BUILD in
  ready-to-run)
    RID=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
    [[ -n $RID ]] || die "could not read the runtime identifier from 'dotnet --info'"
    step "Publishing Safeguard (Release, ReadyToRun, $RID), untimed"
    dotnet publish "$ROOT/src/Safeguard/Safeguard.csproj" -c Release -r "$RID" --self-contained false \
      -p:PublishReadyToRun=true -o "$TMP/app" -v quiet -nologo >"$TMP/logs/publish.log" 2>&1 \
      || { cat "$TMP/logs/publish.log" >&2; die "the publish failed"; }
    DLL="$TMP/app/Safeguard.dll"
    ;;
  wrapper)
    step "Building Safeguard (Release) through ./safeguard, untimed"
    "$ROOT/safeguard" --version >/dev/null || die "the build failed"
    DLL="$ROOT/src/Safeguard/bin/Release/net10.0/Safeguard.dll"
    ;;
esac
[[ -f $DLL ]] || die "$DLL not found after the build"
safeguard() { timeout "$STEP_TIMEOUT" dotnet "$DLL" "$@" --database "$CONNECTION"; }

# ---------------------------------------------------------------- measuring
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
per_second() { awk -v n="$EXPECTED_ROWS" -v s="$1" 'BEGIN { printf "%.0f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
thousands() { awk -v n="$1" 'BEGIN { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); print s }'; }

# Runs a command, writing its standard output to $1 and its standard error, each line prefixed with the
# time it arrived, to $2; sets T_START and T_END (seconds since the epoch) around it. The import reports
# its progress on standard error ("Reading: 10,000 rows", "Comparing ...", "Writing: 5,000 figures"), which shows where the time goes.
timed() {
  local out=$1 err=$2 status
  shift 2
  T_START=$(now)
  set +e
  "$@" 2>&1 >"$out" | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$err"
  status=${PIPESTATUS[0]}
  set -e
  T_END=$(now)
  if [[ $status -ne 0 ]]; then
    cat "$out" "$err" >&2
    die "'$*' exited with $status"
  fi
}

# Seconds from $1 to the first stderr line matching $3 in file $2 (last match when $4 is "last").
stamp_of() {
  awk -v start="$1" -v pattern="$3" -v which="${4:-first}" '
    $0 ~ pattern { t = $1; if (which == "first") { print t - start; found = 1; exit } }
    END { if (which == "last" && t != "") printf "%.3f\n", t - start; else if (!found && which == "first") print "" }
  ' "$2"
}

recreate_database() {
  psql_on postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  safeguard migrate >"$TMP/logs/migrate.log" 2>&1 || { cat "$TMP/logs/migrate.log" >&2; die "migrate failed"; }
}

PLAIN_TABLE='CREATE TABLE plain_people_leaving (
  "Date" date, "Year" int, "Quarter" int, "Nationality" text, "Region" text, "Sex" text,
  "Age" text, "Reason" text, "Length" text, "Leaving" int)'

step "Checking the file and the template once"
recreate_database
safeguard templates list >"$TMP/logs/templates.txt" 2>&1 || { cat "$TMP/logs/templates.txt" >&2; die "templates list failed"; }
grep -q -- "$TEMPLATE" "$TMP/logs/templates.txt" || { cat "$TMP/logs/templates.txt" >&2; die "template '$TEMPLATE' is not listed"; }
echo "$(basename "$DATA_FILE"): $(stat -c %s "$DATA_FILE") bytes; template $TEMPLATE; $RUNS runs"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
declare -a P_SEC C_SEC BASE_SEC PREVIEW_SEC RATIOS
declare -a PH_READ PH_PREPARE PH_COPY PH_END OBS_SEC OBS_FK_SEC
for ((run = 1; run <= RUNS; run++)); do
  step "Run $run of $RUNS: fresh database, migrate (untimed)"
  recreate_database
  release="bench-$run"

  echo "  start-up baseline: releases list"
  timed "$TMP/logs/list-$run.out" "$TMP/logs/list-$run.err" safeguard releases list
  BASE_SEC[run]=$(elapsed "$T_START" "$T_END")

  echo "  import --preview (reads, maps and compares; writes nothing)"
  timed "$TMP/logs/preview-$run.out" "$TMP/logs/preview-$run.err" \
    safeguard import "$DATA_FILE" --template "$TEMPLATE" --release "$release" --source bench --preview
  PREVIEW_SEC[run]=$(elapsed "$T_START" "$T_END")

  echo "  import into release $release"
  scalar "CHECKPOINT" >/dev/null
  timed "$TMP/logs/import-$run.out" "$TMP/logs/import-$run.err" \
    safeguard import "$DATA_FILE" --template "$TEMPLATE" --release "$release" --source bench
  P_SEC[run]=$(elapsed "$T_START" "$T_END")
  err="$TMP/logs/import-$run.err"
  t_compare=$(stamp_of "$T_START" "$err" '^[0-9.]+ Comparing')
  t_first_write=$(stamp_of "$T_START" "$err" '^[0-9.]+ Writing')
  t_last_write=$(stamp_of "$T_START" "$err" '^[0-9.]+ Writing' last)
  if [[ -n $t_compare && -n $t_first_write && -n $t_last_write ]]; then
    PH_READ[run]=$(printf '%.3f' "$t_compare")
    PH_PREPARE[run]=$(elapsed "$t_compare" "$t_first_write")
    PH_COPY[run]=$(elapsed "$t_first_write" "$t_last_write")
    PH_END[run]=$(elapsed "$t_last_write" "${P_SEC[run]}")
  else
    PH_READ[run]="?" PH_PREPARE[run]="?" PH_COPY[run]="?" PH_END[run]="?"
  fi
  sed 's/^/    /' "$TMP/logs/import-$run.out"

  echo "  psql \\copy into a plain table"
  scalar "DROP TABLE IF EXISTS plain_people_leaving; $PLAIN_TABLE" >/dev/null
  scalar "CHECKPOINT" >/dev/null
  timed "$TMP/logs/copy-$run.out" "$TMP/logs/copy-$run.err" \
    psql_on "$DB" -c "\\copy plain_people_leaving FROM '$DATA_FILE' WITH (FORMAT csv, HEADER true)"
  C_SEC[run]=$(elapsed "$T_START" "$T_END")

  echo "  checking the imported figures"
  slug_sql="SELECT \"Id\" FROM statistics_releases WHERE \"Slug\" = '$release'"
  imported=$(scalar "SELECT count(*) FROM statistics_observations WHERE \"ReleaseId\" = ($slug_sql)")
  copied=$(scalar "SELECT count(*) FROM plain_people_leaving")
  imported_sum=$(scalar "SELECT sum(\"Value\") FROM statistics_observations WHERE \"ReleaseId\" = ($slug_sql)")
  copied_sum=$(scalar "SELECT sum(\"Leaving\") FROM plain_people_leaving")
  sums_equal=$(scalar "SELECT ($imported_sum)::numeric = ($copied_sum)::numeric")
  echo "    observations in $release: $imported (sum $imported_sum); rows copied: $copied (sum $copied_sum)"
  [[ $imported == "$EXPECTED_ROWS" ]] || die "the import wrote $imported observations into $release, not $EXPECTED_ROWS"
  [[ $copied == "$EXPECTED_ROWS" ]] || die "\\copy loaded $copied rows, not $EXPECTED_ROWS"
  [[ $sums_equal == t ]] || die "the imported values sum to $imported_sum but the file's Leaving column sums to $copied_sum"

  # Diagnostic: the database's own share. The imported observations, written out and loaded again with
  # \copy into copies of statistics_observations: with the same indexes but no foreign keys, then with the
  # same indexes and foreign keys (the table the import writes into). What the same 106,906 rows cost
  # PostgreSQL, without .NET.
  echo "  diagnostic: \\copy of the imported observations into tables like statistics_observations"
  cols='"ReleaseId", "MeasureId", "PlaceId", "PeriodKey", "PeriodStart", "PeriodEnd", "Breakdown", "Value", "Status", "Note", "SourceDocumentId", "SourceLocation"'
  psql_on "$DB" -c "\\copy (SELECT $cols FROM statistics_observations WHERE \"ReleaseId\" = ($slug_sql)) TO '$TMP/observations.csv' WITH (FORMAT csv)"
  scalar "DROP TABLE IF EXISTS observations_like; CREATE TABLE observations_like (LIKE statistics_observations INCLUDING ALL)" >/dev/null
  scalar "CHECKPOINT" >/dev/null
  timed "$TMP/logs/obs-copy-$run.out" "$TMP/logs/obs-copy-$run.err" \
    psql_on "$DB" -c "\\copy observations_like ($cols) FROM '$TMP/observations.csv' WITH (FORMAT csv)"
  OBS_SEC[run]=$(elapsed "$T_START" "$T_END")
  # The same again with statistics_observations' foreign keys, each added as the real table defines it.
  scalar "DROP TABLE observations_like; CREATE TABLE observations_like (LIKE statistics_observations INCLUDING ALL);
    DO \$\$ DECLARE fk record; BEGIN
      FOR fk IN SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
                WHERE conrelid = 'statistics_observations'::regclass AND contype = 'f' LOOP
        EXECUTE 'ALTER TABLE observations_like ADD ' || fk.definition;
      END LOOP; END \$\$" >/dev/null
  fk_real=$(scalar "SELECT count(*) FROM pg_constraint WHERE conrelid = 'statistics_observations'::regclass AND contype = 'f'")
  fk_like=$(scalar "SELECT count(*) FROM pg_constraint WHERE conrelid = 'observations_like'::regclass AND contype = 'f'")
  [[ $fk_real -gt 0 && $fk_like -eq $fk_real ]] \
    || die "the diagnostic table has $fk_like foreign keys, statistics_observations $fk_real"
  scalar "CHECKPOINT" >/dev/null
  timed "$TMP/logs/obs-fk-copy-$run.out" "$TMP/logs/obs-fk-copy-$run.err" \
    psql_on "$DB" -c "\\copy observations_like ($cols) FROM '$TMP/observations.csv' WITH (FORMAT csv)"
  OBS_FK_SEC[run]=$(elapsed "$T_START" "$T_END")
  rm -f "$TMP/observations.csv"

  RATIOS[run]=$(ratio "${P_SEC[run]}" "${C_SEC[run]}")
  echo "  pipeline ${P_SEC[run]} s, \\copy ${C_SEC[run]} s, ratio ${RATIOS[run]}"
done

# ---------------------------------------------------------------- report
m_p=$(median "${P_SEC[@]}")
m_c=$(median "${C_SEC[@]}")
m_base=$(median "${BASE_SEC[@]}")
m_preview=$(median "${PREVIEW_SEC[@]}")
m_obs=$(median "${OBS_SEC[@]}")
m_obs_fk=$(median "${OBS_FK_SEC[@]}")
m_ratio=$(ratio "$m_p" "$m_c")
own=$(awk -v p="$m_p" -v b="$m_base" 'BEGIN { printf "%.3f", p - b }')
own_ratio=$(ratio "$own" "$m_c")
if awk -v r="$m_ratio" -v g="$GOAL_RATIO" 'BEGIN { exit !(r <= g) }'; then goal="met"; else goal="NOT met"; fi

rows=$(thousands "$EXPECTED_ROWS")
table="| run | pipeline s | pipeline rows/s | \\copy s | \\copy rows/s | ratio (pipeline / \\copy) |"$'\n'
table+="|---|---:|---:|---:|---:|---:|"$'\n'
for ((run = 1; run <= RUNS; run++)); do
  table+="| $run | ${P_SEC[run]} | $(thousands "$(per_second "${P_SEC[run]}")") | ${C_SEC[run]} | $(thousands "$(per_second "${C_SEC[run]}")") | ${RATIOS[run]} |"$'\n'
done
table+="| median | $m_p | $(thousands "$(per_second "$m_p")") | $m_c | $(thousands "$(per_second "$m_c")") | $m_ratio |"$'\n'

phases="| run | start-up baseline (\`releases list\`) s | \`import --preview\` s | import: start to \"Comparing\" s | \"Comparing\" to first \"Writing\" s | COPY after first 5,000 rows s | last \"Writing\" to exit s | \\copy of the same observations, indexes s | the same, indexes and foreign keys s |"$'\n'
phases+="|---|---:|---:|---:|---:|---:|---:|---:|---:|"$'\n'
for ((run = 1; run <= RUNS; run++)); do
  phases+="| $run | ${BASE_SEC[run]} | ${PREVIEW_SEC[run]} | ${PH_READ[run]} | ${PH_PREPARE[run]} | ${PH_COPY[run]} | ${PH_END[run]} | ${OBS_SEC[run]} | ${OBS_FK_SEC[run]} |"$'\n'
done

report() {
  echo "# Import: the pipeline against psql \\copy"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)'), $(nproc) cores;" \
    "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1, default settings; .NET $(dotnet --version)."
  echo "$(basename "$DATA_FILE"), $rows rows, $(stat -c %s "$DATA_FILE") bytes; template $TEMPLATE; each run on a freshly created and migrated database."
  echo "Load average (1, 5, 15 min) before the runs: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') (other work on the machine shares its cores)."
  echo "Pipeline = wall time of the whole \`safeguard import\` process (includes .NET start-up); \\copy = wall time of the whole psql process."
  echo "Build: $BUILD ($([[ $BUILD == ready-to-run ]] && echo 'published with ReadyToRun, as deployed' || echo 'the build ./safeguard runs, compiled just in time'))."
  echo
  printf '%s' "$table"
  echo
  echo "Goal: within ${GOAL_RATIO}x of \\copy: $goal (median ratio $m_ratio)."
  echo
  echo "Where the pipeline's time goes (the import's progress lines on standard error, time-stamped as they arrive):"
  echo
  printf '%s' "$phases"
  echo
  echo "Median start-up baseline $m_base s (a process that opens the host, checks the migrations and runs one query);"
  echo "the import without its start-up: $own s, $(thousands "$(per_second "$own")") rows/s, ${own_ratio}x \\copy."
  echo "Median \`import --preview\` $m_preview s: start-up, reading, parsing, mapping and comparing, without writing."
  echo "Median \\copy of the same 106,906 observations into a table like statistics_observations: $m_obs s with its indexes only,"
  echo "$m_obs_fk s with its indexes and foreign keys (what PostgreSQL itself spends on the rows the import writes, with no .NET at all: $(ratio "$m_obs_fk" "$m_c")x \\copy)."
}

mkdir -p "$RESULTS_DIR"
stamp=$(date -u '+%Y%m%dT%H%M%SZ')
report >"$RESULTS_DIR/import-$stamp.md"
cp "$RESULTS_DIR/import-$stamp.md" "$RESULTS_DIR/latest.md"
mkdir -p "$RESULTS_DIR/logs-$stamp"
cp "$TMP"/logs/*.out "$TMP"/logs/*.err "$RESULTS_DIR/logs-$stamp/" 2>/dev/null || true

step "Results (also in ${RESULTS_DIR#"$ROOT"/}/import-$stamp.md)"
echo
report | sed -n '/^| run | pipeline/,$p'
