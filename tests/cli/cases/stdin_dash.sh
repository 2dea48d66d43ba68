# "-" names stdin; sys.argv = ["-", args...]
echo 'import sys; print(sys.argv)' | kite - a b
