#!/usr/bin/env bash
# `npm test` (and CI through .ci/run): the lint, the build, the type check of the tests and one Jest run
# of every test file, soak included (`npm test -- ARGS` passes ARGS to Jest).
#
# Why in this order and overlapped: the machine CI runs on has 2 cores, and run one after another these
# steps left a quarter of them idle (npm's and Jest's start-up, waits on sockets and child processes).
# The lint needs nothing built, so it runs beside the build; Jest and the type check of the tests need
# the build, so they start when it is done and run beside each other and the rest of the lint. The soak
# (a fixed window of load, test/platform/soak.test.ts) runs inside the same Jest run as one more file:
# its checks are 5xx, crashes and memory growth, which other files' load beside it does not change.
# Any failing step fails `npm test`; the outputs of the lint and the type check are printed after Jest's.
set -u
cd "$(dirname "$0")/../.."

logs="$(mktemp -d -t tdkt-test-XXXXXX)"
trap 'rm -rf "$logs"' EXIT

npm run --silent lint >"$logs/lint" 2>&1 &
lint=$!

typecheck=''
if npm run --silent build; then
  npm run --silent typecheck:test >"$logs/typecheck" 2>&1 &
  typecheck=$!
  TDKT_SOAK_SECONDS="${TDKT_SOAK_SECONDS:-30}" jest "$@"
  tests=$?
else
  echo "npm run build failed: the tests were not run"
  tests=1
fi

status=$tests
report() { # name, pid
  if wait "$2"; then echo "--- $1: passed"; else echo "--- $1: FAILED"; status=1; fi
  cat "$logs/$1"
}
report lint "$lint"
if [ -n "$typecheck" ]; then report typecheck "$typecheck"; fi
exit "$status"
