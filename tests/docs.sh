#!/bin/sh
# docs.sh KITE DOC.md: run every ```python block of a document that is followed by a
# ```text block, and check that Kite prints exactly that text. Blocks not followed by
# a text block are illustrations and are not run. Exit 1 on the first mismatch.
kite=$1; doc=$2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
# Split the document into numbered code/expected files.
awk -v dir="$tmp" '
  /^```python[ \t]*$/ { n++; f = dir "/" n ".py"; inpy = 1; next }
  /^```text[ \t]*$/   { if (n && !have[n]) { f = dir "/" n ".txt"; have[n] = 1; intext = 1 } ; next }
  /^```/              { inpy = 0; intext = 0; next }
  inpy   { print > f; next }
  intext { print > f; next }
' "$doc"
count=0; fail=0
for py in "$tmp"/*.py; do
  [ -e "$py" ] || continue
  want=${py%.py}.txt
  [ -f "$want" ] || continue
  count=$((count + 1))
  (cd "$tmp" && "$kite" "$py" >"$py.out" 2>&1)
  if ! cmp -s "$py.out" "$want"; then
    echo "--- example $(basename "$py" .py) of $(basename "$doc") differs:"
    cat "$py"; echo "--- diff (expected, got):"; diff "$want" "$py.out" | head -20
    fail=1
  fi
done
echo "$count examples run from $(basename "$doc")"
[ "$count" -gt 0 ] || { echo "no examples found"; exit 1; }
exit $fail
