#!/usr/bin/env bash
# Throughput of the public portal pages against nginx serving the same bytes as static files.
# See README.md beside this script. Everything runs on 127.0.0.1 and is bounded in time.
set -euo pipefail

# ---------------------------------------------------------------- settings (override from the environment)
TARGETS=(
  "/statistics"
  "/statistics/use-of-force"
  "/api/v1/observations?measure=use-of-force-incidents&release=2024"
)
DURATION=${DURATION:-20s}       # measured run per target and server (10 s runs proved too noisy on 2 cores)
WARMUP=${WARMUP:-3s}            # unmeasured run first, per target and server
CONNECTIONS=${CONNECTIONS:-256}
THREADS=${THREADS:-2}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-120} # seconds to wait for the app to answer

cd "$(dirname "${BASH_SOURCE[0]}")"
BENCH_DIR=$(pwd)
ROOT=$(cd ../.. && pwd)
RESULTS_DIR="$BENCH_DIR/results"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }
warn() { printf '\n!!!!!!!! WARNING: %s\n' "$*" >&2; }

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
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[[ -x $NGINX ]] || missing+=(nginx)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [[ ${#missing[@]} -gt 0 ]]; then
  step "Installing with apt-get: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
fi

# ---------------------------------------------------------------- cleanup
TMP=$(mktemp -d -t safeguard-bench.XXXXXX)
APP_PID=""
NGINX_PID=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for pid in $NGINX_PID $APP_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for p in "$@" $(shuf -i 20000-60999 -n 100); do
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  return 1
}

# ---------------------------------------------------------------- the app
step "Publishing Safeguard (Release)"
dotnet publish "$ROOT/src/Safeguard/Safeguard.csproj" -c Release -o "$TMP/app" -nologo -v quiet

APP_PORT=$(free_port 5080 5081 5082) || die "no free port for the app"
mkdir -p "$TMP/data"
step "Starting Safeguard on 127.0.0.1:$APP_PORT (Production, data in $TMP/data)"
(
  cd "$TMP/app"
  export SAFEGUARD_DATA_DIR="$TMP/data"
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  exec dotnet Safeguard.dll serve --urls "http://127.0.0.1:$APP_PORT"
) >"$TMP/app.log" 2>&1 </dev/null &
APP_PID=$!

APP_URL="http://127.0.0.1:$APP_PORT"
for ((i = 0; i < STARTUP_TIMEOUT * 4; i++)); do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$TMP/app.log" >&2; die "Safeguard exited during start-up"; }
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$APP_URL${TARGETS[0]}" || true)
  [[ $code != 000 ]] && break
  sleep 0.25
done
[[ ${code:-000} != 000 ]] || { cat "$TMP/app.log" >&2; die "Safeguard did not answer within ${STARTUP_TIMEOUT}s"; }
echo "Safeguard answers at $APP_URL"

# ---------------------------------------------------------------- the same bytes for nginx
step "Fetching each target's body into the nginx document root"
DOCROOT="$TMP/nginx/root"
mkdir -p "$DOCROOT" "$TMP/nginx/logs" "$TMP/nginx/tmp"
locations=""
not_ok=()
for i in "${!TARGETS[@]}"; do
  target=${TARGETS[$i]}
  file="target-$i"
  read -r code content_type < <(curl -s -o "$DOCROOT/$file" -w '%{http_code} %{content_type}\n' --max-time 30 "$APP_URL$target")
  # An empty type (no Content-Type header, as on a bare 404) stays empty: nginx then sends none either.
  printf '%s  %s  %s bytes  %s\n' "$code" "$target" "$(stat -c %s "$DOCROOT/$file")" "$content_type"
  [[ $code == 200 ]] || not_ok+=("$target answered $code")
  path=${target%%\?*} # nginx matches the path; the query string is ignored
  [[ $locations != *"location = $path "* ]] || die "two targets share the path $path; nginx cannot tell them apart"
  locations+="    location = $path { default_type \"$content_type\"; try_files /$file =404; }"$'\n'
done
if [[ ${#not_ok[@]} -gt 0 ]]; then
  warn "not every target answered 200; the figures below do not measure the real pages:"
  printf '    %s\n' "${not_ok[@]}" >&2
fi

NGINX_PORT=$(free_port 8080 8081 8082) || die "no free port for nginx"
[[ $NGINX_PORT != "$APP_PORT" ]] || die "port clash"
WORKER_USER=""
[[ $(id -u) -eq 0 ]] && WORKER_USER="user root;"
chmod -R a+rX "$TMP"
cat >"$TMP/nginx/nginx.conf" <<EOF
$WORKER_USER
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 65;
    types { }
    client_body_temp_path $TMP/nginx/tmp/body;
    proxy_temp_path $TMP/nginx/tmp/proxy;
    fastcgi_temp_path $TMP/nginx/tmp/fastcgi;
    uwsgi_temp_path $TMP/nginx/tmp/uwsgi;
    scgi_temp_path $TMP/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $DOCROOT;
$locations        location / { return 404; }
    }
}
EOF
step "Starting nginx on 127.0.0.1:$NGINX_PORT"
"$NGINX" -t -q -p "$TMP/nginx" -e "$TMP/nginx/logs/error.log" -c "$TMP/nginx/nginx.conf"
"$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/logs/error.log" -c "$TMP/nginx/nginx.conf" -g 'daemon off;' </dev/null &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
for _ in $(seq 40); do
  port_in_use "$NGINX_PORT" && break
  sleep 0.25
done
port_in_use "$NGINX_PORT" || { cat "$TMP/nginx/logs/error.log" >&2; die "nginx did not start"; }
for target in "${TARGETS[@]}"; do
  read -r a_type < <(curl -s -o /dev/null -w '%{content_type}\n' "$APP_URL$target")
  read -r n_code n_type < <(curl -s -o /dev/null -w '%{http_code} %{content_type}\n' "$NGINX_URL$target")
  [[ $n_code == 200 ]] || warn "nginx answered $n_code for $target"
  [[ $n_type == "$a_type" ]] || warn "Content-Type differs for $target: app '$a_type', nginx '$n_type'"
done

# ---------------------------------------------------------------- load
# Prints "requests/sec p99" from wrk's output.
measure() {
  local url=$1 out
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
  printf '%s\n' "$out" >>"$TMP/wrk.log"
  if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
    warn "$(grep 'Non-2xx or 3xx responses' <<<"$out" | xargs) for $url"
  fi
  if grep -q 'Socket errors' <<<"$out"; then
    warn "$(grep 'Socket errors' <<<"$out" | xargs) for $url"
  fi
  awk '
    /^Requests\/sec:/ { rps = $2 }
    /^[[:space:]]+99%/ { p99 = $2 }
    END { printf "%s %s\n", (rps == "" ? "?" : rps), (p99 == "" ? "?" : p99) }
  ' <<<"$out"
}

step "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (after a ${WARMUP} warm-up), per target and server"
table="| target | Safeguard req/s | Safeguard p99 | nginx req/s | nginx p99 | ratio (Safeguard/nginx req/s) |"$'\n'
table+="|---|---:|---:|---:|---:|---:|"$'\n'
for target in "${TARGETS[@]}"; do
  echo "  $target: Safeguard..."
  read -r s_rps s_p99 < <(measure "$APP_URL$target")
  echo "  $target: nginx..."
  read -r n_rps n_p99 < <(measure "$NGINX_URL$target")
  ratio=$(awk -v s="$s_rps" -v n="$n_rps" 'BEGIN { if (n + 0 > 0 && s ~ /^[0-9.]+$/) printf "%.2f", s / n; else print "?" }')
  table+="| \`$target\` | $s_rps | $s_p99 | $n_rps | $n_p99 | $ratio |"$'\n'
done

mkdir -p "$RESULTS_DIR"
{
  echo "# Portal throughput: Safeguard against nginx"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
    "$(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up; 127.0.0.1."
  if [[ ${#not_ok[@]} -gt 0 ]]; then
    echo
    echo "**Warning:** not every target answered 200 (${not_ok[*]}); these figures do not measure the real pages."
  fi
  echo
  printf '%s' "$table"
} >"$RESULTS_DIR/latest.md"

step "Results (also in ${RESULTS_DIR#"$ROOT"/}/latest.md)"
echo
printf '%s' "$table"
if [[ ${#not_ok[@]} -gt 0 ]]; then
  warn "not every target answered 200: ${not_ok[*]}"
fi
