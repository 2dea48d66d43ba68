# -X int_max_str_digits=N
kite -X int_max_str_digits=0 -c 'print(len(str(10 ** 5000)))'
kite -X int_max_str_digits=640 -c 'print(len(str(10 ** 639)))'
