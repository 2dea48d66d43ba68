# exit(n) in a program
kite -c 'print(1); exit(5)'
