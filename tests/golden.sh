#!/bin/sh
# golden.sh KITE FILE.py: run FILE.py with KITE and compare stdout, stderr and the exit
# status with FILE.out, FILE.err and FILE.rc, which CPython 3.11 produced
# (scripts/gen-golden). A missing .err means "empty"; a missing .rc means 0.
# Programs listed in tests/py/known_failing.txt are skipped (exit 77) unless
# KITE_RUN_ALL is set (scripts/update-known-failing uses that).
kite=$1; py=$2
dir=$(dirname "$py"); base=${py%.py}
root=$(cd "$(dirname "$0")/py" && pwd)
rel=${py#"$root"/}
if [ -z "$KITE_RUN_ALL" ] && grep -qxF "$rel" "$root/known_failing.txt" 2>/dev/null; then
  echo "known failing: $rel"; exit 77
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
args=""
[ -f "$base.args" ] && args=$(cat "$base.args")
stdin=/dev/null
[ -f "$base.in" ] && stdin="$base.in"
( cd "$dir" && ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  "$kite" "$(basename "$py")" $args <"$stdin" >"$tmp/out" 2>"$tmp/err" )
rc=$?
# gen-golden strips the script's absolute directory from CPython's output (tracebacks
# of imported modules read File "mod.py"); do the same to Kite's.
absdir=$(cd "$dir" && pwd)
for f in out err; do
  sed "s|$absdir/||g" "$tmp/$f" >"$tmp/$f.s" && mv "$tmp/$f.s" "$tmp/$f"
done
want_rc=0; [ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
fail=0
if ! cmp -s "$tmp/out" "$base.out"; then
  echo "--- stdout differs ($rel)"; diff "$base.out" "$tmp/out" | head -40; fail=1
fi
if [ -f "$base.err" ]; then want_err="$base.err"; else want_err=/dev/null; fi
if ! cmp -s "$tmp/err" "$want_err"; then
  echo "--- stderr differs ($rel)"; diff "$want_err" "$tmp/err" | head -40; fail=1
fi
if [ "$rc" != "$want_rc" ]; then
  echo "--- exit status $rc, expected $want_rc ($rel)"; fail=1
fi
exit $fail
