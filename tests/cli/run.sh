#!/bin/sh
# run.sh [--record] KITE CASE.sh: one golden test of the kite command line.
#
# CASE.sh is a small sh script that runs `kite ...` (found on PATH: a scratch bin/
# directory holds a symlink named kite to the KITE binary, so messages that show the
# program name say "kite", as CPython's do with its argv[0]). It runs in
# tests/cli/data/ with stdin from /dev/null, HOME in a scratch directory and LC_ALL=C.UTF-8.
# Its stdout, stderr and exit status are compared with CASE.out, CASE.err and CASE.rc
# (a missing .err means empty, a missing .rc means 0), after replacing the absolute
# path of tests/cli/data with <data>.
#
# --record KITE=python3 (CPython 3.11) writes those files instead: the expected
# behaviour of Kite is CPython's, with one documented substitution: CPython's usage
# error ends with the literal "Try `python -h'", Kite's with "Try `kite -h'". Cases
# whose expectations are Kite's own (the version, the help text, the banner, -X
# gc-stats, --dis...) carry a "# by hand: <why>" line and are never recorded.
record=0
if [ "$1" = --record ]; then record=1; shift; fi
kite=$1; case_sh=$2
[ -x "$kite" ] || { echo "run.sh: no executable $kite" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data"
base=${case_sh%.sh}
if [ $record = 1 ] && grep -q '^# by hand:' "$case_sh"; then
  echo "skip (by hand): $(basename "$base")"; exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin" "$tmp/home"
ln -s "$kite" "$tmp/bin/kite"
( cd "$data" && PATH="$tmp/bin:$PATH" HOME="$tmp/home" LC_ALL=C.UTF-8 \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} sh "$case_sh" </dev/null >"$tmp/out" 2>"$tmp/err" )
rc=$?
for f in out err; do
  sed -e "s|$data|<data>|g" "$tmp/$f" >"$tmp/$f.n"
done
if [ $record = 1 ]; then
  sed -e "s|Try \`python -h'|Try \`kite -h'|" "$tmp/err.n" >"$tmp/err.k"
  cp "$tmp/out.n" "$base.out"
  if [ -s "$tmp/err.k" ]; then cp "$tmp/err.k" "$base.err"; else rm -f "$base.err"; fi
  if [ $rc != 0 ]; then echo $rc >"$base.rc"; else rm -f "$base.rc"; fi
  echo "recorded: $(basename "$base") (status $rc)"
  exit 0
fi
fail=0
if ! cmp -s "$tmp/out.n" "$base.out"; then
  echo "--- stdout differs"; diff "$base.out" "$tmp/out.n" | head -40; fail=1
fi
want_err=/dev/null; [ -f "$base.err" ] && want_err="$base.err"
if ! cmp -s "$tmp/err.n" "$want_err"; then
  echo "--- stderr differs"; diff "$want_err" "$tmp/err.n" | head -40; fail=1
fi
want_rc=0; [ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
if [ "$rc" != "$want_rc" ]; then echo "--- exit status $rc, expected $want_rc"; fail=1; fi
exit $fail
