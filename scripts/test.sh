#!/usr/bin/env bash
# The whole test suite: type check, then every test file under test/ with
# node's test runner (its closing summary is what CI reads).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob
npx --no-install tsc --noEmit
files=(test/**/*.test.ts)
exec node --import tsx --test --test-concurrency=2 "${files[@]}"
