# CPython options that change nothing observable here are accepted
kite -u -B -E -s -S -O -q -b -d -I -P -R -t -W ignore -c 'print("ok")'
kite -OO -bb -Wdefault -c 'print("ok")'
