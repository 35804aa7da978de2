#!/usr/bin/env bash
# The one command that runs every test: installs what is missing (PostgreSQL, Chromium, fonts),
# starts a throwaway PostgreSQL on loopback, checks formatting, builds in Release and runs
# `dotnet test` on the whole solution. Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

SECONDS=0
step() { printf '\n==> %s  [%ss]\n' "$*" "$SECONDS"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# Run as root directly; otherwise through sudo when it is there.
if [[ $(id -u) -eq 0 ]]; then
  AS_ROOT=()
elif command -v sudo >/dev/null 2>&1; then
  # Without a terminal (CI), sudo must not wait for a password.
  if [[ -t 0 ]]; then AS_ROOT=(sudo); else AS_ROOT=(sudo -n); fi
else
  AS_ROOT=()
fi
as_root() {
  if [[ $(id -u) -ne 0 && ${#AS_ROOT[@]} -eq 0 ]]; then
    die "need root for: $* (run as root, or install sudo)"
  fi
  "${AS_ROOT[@]}" "$@"
}

# ---------------------------------------------------------------- system packages
postgres_bin_dir() {
  local dir
  # Highest installed major version first.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -rn); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
postgres_bin_dir >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
package_installed fonts-liberation || missing+=(fonts-liberation)
# pdftotext reads the evidence pack's PDF in its tests.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)

if [[ ${#missing[@]} -gt 0 ]]; then
  step "Installing with apt-get: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  step "System packages present (PostgreSQL, Chromium, fonts); apt-get not needed"
fi

PG_BIN=$(postgres_bin_dir) || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found after installing chromium"

# ---------------------------------------------------------------- throwaway PostgreSQL
# As root, the server runs as the postgres user (initdb refuses root); otherwise as the current user.
if [[ $(id -u) -eq 0 ]]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

PG_TMP=""
PG_STARTED=0
PG_LOG=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $PG_TMP && -d $PG_TMP ]]; then
    if [[ $PG_STARTED -eq 1 ]]; then
      as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TMP"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

PG_TMP=$(mktemp -d -t safeguard-pg.XXXXXX)
if [[ $(id -u) -eq 0 ]]; then
  chown postgres:postgres "$PG_TMP"
fi
chmod 700 "$PG_TMP"

step "Initialising a throwaway PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) in $PG_TMP"
as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
  || { cat "$PG_TMP/initdb.log" >&2; die "initdb failed"; }

# A throwaway server: nothing written need survive a crash, so it does not wait for the disk (tests create and drop
# hundreds of databases); parallel tests each hold connections of their own.
PG_THROWAWAY="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
PG_PORT=""
for candidate in 55432 $(seq 55433 55531) $(shuf -i 20000-60999 -n 50 2>/dev/null || true); do
  port_in_use "$candidate" && continue
  step "Starting PostgreSQL on 127.0.0.1:$candidate"
  PG_LOG="$PG_TMP/postgres-$candidate.log"
  PG_STARTED=1 # from here on, the trap stops it (a no-op when it did not start)
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_LOG" \
      -o "-c listen_addresses=127.0.0.1 -p $candidate -k $PG_TMP $PG_THROWAWAY" -w -t 60 start >/dev/null 2>&1; then
    PG_PORT=$candidate
    break
  fi
  # The port may have been taken in between: try the next one; on any other failure, stop.
  grep -qiE 'address already in use|could not bind|could not create any TCP/IP sockets' "$PG_LOG" 2>/dev/null || break
done
[[ -n $PG_PORT ]] || { cat "${PG_LOG:-/dev/null}" >&2 || true; die "could not start PostgreSQL on any port"; }
echo "PostgreSQL is up on 127.0.0.1:$PG_PORT (log: $PG_LOG)"

export SAFEGUARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export SAFEGUARD_CHROMIUM=/usr/bin/chromium

# ---------------------------------------------------------------- .NET
step "Restoring tools and packages"
dotnet tool restore
dotnet restore Safeguard.slnx

# Formatting: whitespace and the order of usings, which only dotnet format checks. The code style and analyzer rules
# it would also run are warnings the build already turns into errors (EnforceCodeStyleInBuild, TreatWarningsAsErrors),
# so it is not asked to run them again (two thirds of its work). It loads the solution on its own, in Debug, so it writes
# nothing the Release build reads, and runs beside the build.
step "Checking formatting and building (Release)"
mkdir -p "$ROOT/TestResults"
FORMAT_LOG="$ROOT/TestResults/format.log"
dotnet format Safeguard.slnx --verify-no-changes --no-restore --diagnostics IMPORTS >"$FORMAT_LOG" 2>&1 &
format_pid=$!
if ! dotnet build Safeguard.slnx -c Release --no-restore; then
  wait "$format_pid" || true
  die "The build failed"
fi
if ! wait "$format_pid"; then
  cat "$FORMAT_LOG"
  die "Formatting differs; run dotnet format"
fi

step "Running tests"
LOG="$ROOT/TestResults/test-run.log"
# Without profile-guided optimisation: the tests run each of thousands of code paths a few times, where instrumenting
# them to optimise later costs more than it pays back (a quarter of Safeguard.Tests' CPU time). The processes they start
# (nodes, commands) inherit it.
export DOTNET_TieredPGO=0
set +e
dotnet test --solution Safeguard.slnx -c Release --no-build --no-ansi --no-progress </dev/null 2>&1 | tee "$LOG"
test_status=${PIPESTATUS[0]}
set -e

# Microsoft.Testing.Platform ends with a "Test run summary" block of indented "name: N" lines
# (total, failed, succeeded, skipped, and error when a test module crashes). Sum every such block.
read -r total passed failed skipped errors < <(awk '
  /^Test run summary/ { inblock = 1; next }
  inblock && /^[[:space:]]+[a-z]+: [0-9]+/ {
    key = $1; sub(":", "", key); n[key] += $2; next
  }
  # With several test projects the block also lists each assembly, and a blank line: both stay inside it.
  inblock && (/^[[:space:]]/ || /^$/) { next }
  { inblock = 0 }
  END { printf "%d %d %d %d %d\n", n["total"], n["succeeded"], n["failed"], n["skipped"], n["error"] }
' "$LOG")

# The runner names each failed test early in its output, followed by pages of captured server output: name them
# again here, with the first lines of each message, so that the end of the output says what failed.
if grep -q '^failed ' "$LOG"; then
  step "Failed tests"
  awk '
    /^failed / { shown = 0; print; inmessage = 1; next }
    inmessage && /^  from / { next }
    inmessage && /^    at / { inmessage = 0; next }
    inmessage && /^[^ ]/ { inmessage = 0; next }
    inmessage && shown < 8 { print; shown++ }
  ' "$LOG"
fi

step "Done in ${SECONDS}s (test log: ${LOG#"$ROOT"/})"
summary="$passed passed, $failed failed"
if [[ $skipped -gt 0 ]]; then
  summary+=", $skipped skipped"
fi
echo "$summary"

if [[ $total -eq 0 ]]; then
  echo "No tests ran." >&2
  exit 1
fi
if [[ $failed -gt 0 || $errors -gt 0 || $test_status -ne 0 ]]; then
  exit 1
fi
