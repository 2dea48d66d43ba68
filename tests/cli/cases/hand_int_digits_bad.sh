# -X int_max_str_digits with a bad value: status 1
# by hand: CPython says "Fatal Python error: config_init_int_max_str_digits: ..." and "Python runtime state: preinitialized"
kite -X int_max_str_digits=5 -c 1
echo $?
kite -X int_max_str_digits -c 1
