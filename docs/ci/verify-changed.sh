#!/usr/bin/env bash
# Check the Markdown articles changed since BASE and print one Markdown comment for the PR.
#   usage: verify-changed.sh BASE [INDEX] [ARTICLES_GLOB]
#   exit:  verify's code: 0 clean, 1 a claim conflicts, 2/3 usage, input, corpus or index error
set -uo pipefail
base="${1:?usage: verify-changed.sh BASE [INDEX] [PATHSPEC]}"
index="${2:-index/default}"
pathspec="${3:-*.md}"
mapfile -t files < <(git diff --name-only --diff-filter=AM "$base"...HEAD -- "$pathspec")
if [ "${#files[@]}" -eq 0 ]; then
  echo "verify: no changed articles."
  exit 0
fi
out="reports/ci"
rm -rf "$out" && mkdir -p "$out"
verify check "${files[@]}" --index "$index" --format md --out "$out/" --fail-on conflicting -q > "$out/summary.txt"
code=$?
if [ "$code" -gt 1 ]; then
  echo "verify could not check the articles (exit $code); see the job log."
  exit "$code"
fi
for file in "${files[@]}"; do
  name=$(basename "${file%.*}" | tr -c 'A-Za-z0-9_\n-' '-')
  cat "$out/$name.md"
  echo
done
exit "$code"
