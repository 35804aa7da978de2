#!/usr/bin/env bash
# The find-your-MP lookup under load beside a portal page, taking turns, on the data `serve` loads (SQLite, the
# demonstration register and postcodes). See README.md beside this script. Everything runs on 127.0.0.1.
set -euo pipefail

LOOKUP=${LOOKUP:-"/parliament/your-mp?postcode=GU11+1AB"} # Aldershot: an MP outside the group, so the letter's form too
PORTAL=${PORTAL:-"/statistics"}
ROUNDS=${ROUNDS:-2}              # lookup, portal, lookup, portal, ...
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-3s}
CONNECTIONS=${CONNECTIONS:-256}
THREADS=${THREADS:-2}

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(cd ../.. && pwd)
command -v wrk >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q --no-install-recommends wrk; }

TMP=$(mktemp -d -t safeguard-bench-parliament.XXXXXX)
APP_PID=""
cleanup() {
  [[ -n $APP_PID ]] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

echo "==> Publishing Safeguard (Release)"
dotnet publish "$ROOT/src/Safeguard/Safeguard.csproj" -c Release -o "$TMP/app" -nologo -v quiet
PORT=${PORT:-5090}
(
  cd "$TMP/app"
  export SAFEGUARD_DATA_DIR="$TMP/data" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
  # wrk asks from one address: the per-address limit (30 a minute by default) would answer 429 to all but the first.
  export Safeguard__Parliament__LookupsPerMinute=2000000000
  export Safeguard__ParliamentDemonstrationFolder="$ROOT/../shared/data/parliament"
  exec dotnet Safeguard.dll serve --urls "http://127.0.0.1:$PORT"
) >"$TMP/app.log" 2>&1 </dev/null &
APP_PID=$!
URL="http://127.0.0.1:$PORT"
for _ in $(seq 480); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL$LOOKUP" || true) == 200 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$TMP/app.log" >&2; exit 1; }
  sleep 0.25
done
curl -s "$URL$LOOKUP" | grep -q 'Write to' || { echo "the lookup does not show an MP outside the group: is the register in ../shared/data/parliament?" >&2; exit 1; }

# The server's CPU time (user + system, from /proc) over the measured run, per request answered: less sensitive to
# the machine's other load than requests a second, so rounds can be compared when the machine is not quiet.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$URL$1" >/dev/null
  local before; before=$(cpu_ticks)
  local result; result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$URL$1")
  local after; after=$(cpu_ticks)
  awk -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" '
    /requests in/ { n = $1 } /^Requests\/sec:/ { rps = $2 } /^[[:space:]]+99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%s %s %s %.0f\n", rps, p99, (bad == "" ? 0 : bad), (n > 0 ? ticks / hz / n * 1e6 : 0) }' <<<"$result"
}

table="| round | target | req/s | p99 | non-2xx | server CPU per request (µs) |"$'\n'"|---:|---|---:|---:|---:|---:|"$'\n'
for round in $(seq "$ROUNDS"); do
  for target in "$LOOKUP" "$PORTAL"; do
    echo "==> round $round: $target"
    read -r rps p99 bad cpu < <(measure "$target")
    table+="| $round | \`$target\` | $rps | $p99 | $bad | $cpu |"$'\n'
  done
done
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s' "$table"
