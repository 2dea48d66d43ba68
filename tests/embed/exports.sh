#!/bin/sh
# The shared library must export exactly the functions include/kite.h declares with
# KITE_API: nothing internal (libkite is built with -fvisibility=hidden), nothing missing.
# usage: exports.sh path/to/libkite.so path/to/kite.h
lib=$1 header=$2
tmp=${TMPDIR:-/tmp}/kite_exports.$$
trap 'rm -f "$tmp".*' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort > "$tmp.lib"
tr '\n' ' ' < "$header" | tr ';' '\n' | grep 'KITE_API' |
  sed -n 's/.*[ *]\(kite_[a-z_0-9]*\) *(.*/\1/p' | sort -u > "$tmp.h"
if ! cmp -s "$tmp.lib" "$tmp.h"; then
  echo "exports of $lib differ from the KITE_API functions of $header (< library, > header):"
  diff "$tmp.lib" "$tmp.h"
  exit 1
fi
echo "$(wc -l < "$tmp.h") functions exported, as declared"
