#!/usr/bin/env bash
# Production smoke test, run by CI: what Railway would run, run here the same way.
# Builds both apps, applies the pre-deploy migration to a fresh PostgreSQL database, starts both
# in production mode with Railway-like variables, checks the health endpoints, signs a broker in
# and loads the client list page over HTTP, then sends SIGTERM and checks both exit cleanly
# within 10 seconds.
# Usage: DATABASE_URL=postgres://.../<fresh database> bash scripts/smoke-production.sh
set -Eeuo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must point at a fresh PostgreSQL database}"
api_port=${SMOKE_API_PORT:-8900}
web_port=${SMOKE_WEB_PORT:-3900}
smtp_port=${SMOKE_SMTP_PORT:-8925}
work=$(mktemp -d /tmp/portail-smoke-XXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n-- smoke: %s\n' "$*"; }
fail() { echo "SMOKE FAILED: $*" >&2; for f in "$work"/*.log; do echo "== $f"; tail -40 "$f"; done; exit 1; }

export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
export JWT_SECRET="smoke-$(openssl rand -base64 48 | tr -d '\n')"
export FRONTEND_URL="http://localhost:${web_port}"
export MAIL_SERVER=127.0.0.1 MAIL_PORT=$smtp_port MAIL_FROM="Portail ImmoAssist <no-reply@example.com>"
export DATA_DIR="$work/data"

step "build (the commands of apps/api/railway.json and apps/web/railway.json)"
npm run build -w @portail/api >"$work/build-api.log" 2>&1 || fail "API build"
npm run build -w @portail/web >"$work/build-web.log" 2>&1 || fail "web build"

step "pre-deploy migration"
npm run db:migrate:prod -w @portail/api >"$work/migrate.log" 2>&1 || fail "migration"

step "start SMTP sink, API and web in production mode"
E2E_SMTP_PORT=$smtp_port E2E_MAIL_HTTP_PORT=$((smtp_port + 1)) node apps/web/e2e/mail-catcher.mjs \
  >"$work/smtp.log" 2>&1 &
pids+=($!)
PORT=$api_port npm run start:prod -w @portail/api >"$work/api.log" 2>&1 &
api_pid=$!
pids+=($api_pid)
# Plain HTTP on localhost: the Secure cookie flag would stop curl from sending them back.
PORT=$web_port API_URL="http://127.0.0.1:${api_port}" COOKIE_SECURE=false \
  npm run start -w @portail/web >"$work/web.log" 2>&1 &
web_pid=$!
pids+=($web_pid)

wait_for() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  fail "$1 never answered"
}
wait_for "http://127.0.0.1:${api_port}/health/ready"
wait_for "http://127.0.0.1:${web_port}/api/health"
echo "health: API $(curl -fsS "http://127.0.0.1:${api_port}/health/ready"), web $(curl -fsS "http://127.0.0.1:${web_port}/api/health")"

step "sign a broker in and load the client list"
email="smoke.$(date +%s)@example.com"
password="une phrase de passe pour le test"
curl -fsS -X POST "http://127.0.0.1:${api_port}/api/v1/auth/register" -H 'content-type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"first_name\":\"Fumée\",\"last_name\":\"Test\"}" \
  -o "$work/register.json" || fail "broker sign-up"
tokens=$(node -e '
  const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`portail_at=${t.access_token}; portail_rt=${t.refresh_token}`);' "$work/register.json")
status=$(curl -sS -o "$work/clients.html" -w '%{http_code}' -H "cookie: $tokens" \
  "http://127.0.0.1:${web_port}/fr/dashboard/portail-client/courtier/clients")
[ "$status" = 200 ] || fail "client list answered $status"
grep -q "Liste des clients" "$work/clients.html" || fail "client list page without its title"
csp=$(curl -sS -D - -o /dev/null -H "cookie: $tokens" "http://127.0.0.1:${web_port}/fr/login" | grep -i '^content-security-policy' || true)
[ -n "$csp" ] || fail "no content security policy on pages"
echo "client list: 200, title present; CSP present"

step "SIGTERM: both must exit cleanly within 10 s"
started=$(date +%s%N)
kill -TERM "$api_pid" "$web_pid"
for name in api web; do
  pid_var="${name}_pid"
  pid=${!pid_var}
  code=0
  timeout 10 bash -c "while kill -0 $pid 2>/dev/null; do sleep 0.1; done" || fail "$name still running 10 s after SIGTERM"
  wait "$pid" || code=$?
  # Next.js ends its own SIGTERM cleanup with exit code 143 on purpose (start-server.js).
  [ "$code" = 0 ] || { [ "$name" = web ] && [ "$code" = 143 ]; } || fail "$name exited with $code"
done
echo "both exited cleanly in $(( ($(date +%s%N) - started) / 1000000 )) ms"
if grep -q '"level":50' "$work/api.log"; then fail "the API logged an error"; fi
echo "smoke: passed"
