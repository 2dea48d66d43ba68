#!/bin/sh
# record.sh [CASE.sh...]: record the expected output of the CLI golden cases with
# CPython 3.11 (see run.sh; cases marked "# by hand:" are left alone). Default: all.
here=$(cd "$(dirname "$0")" && pwd)
py=$(python3 -c 'import os, sys; print(os.path.realpath(sys.executable))') || exit 2
case $(python3 -c 'import sys; print(sys.version.split()[0])') in
  3.11.*) ;;
  *) echo "record.sh: python3 must be CPython 3.11" >&2; exit 2 ;;
esac
[ $# -eq 0 ] && set -- "$here"/cases/*.sh
for c in "$@"; do
  sh "$here/run.sh" --record "$py" "$(cd "$(dirname "$c")" && pwd)/$(basename "$c")"
done
