# unknown -X options are accepted and ignored
kite -X foo -c 'print(2)'
kite -Xdev -Xutf8=1 -c 'print(3)'
