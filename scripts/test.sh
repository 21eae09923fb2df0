#!/usr/bin/env bash
# The whole test suite: type check, no import cycles (dpdm, over every module of src/;
# type-only imports left out), format and lint (Biome), then every test file under test/
# with node's test runner (its closing summary is what CI reads).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s globstar nullglob
npx --no-install tsc --noEmit
npx --no-install dpdm --no-warning --no-tree -T --exit-code circular:1 'src/**/*.ts' 'src/**/*.tsx'
npx --no-install biome ci .
files=(test/**/*.test.ts)
exec node --import tsx --test --test-concurrency=2 "${files[@]}"
