# an error in a stdin script is reported against <stdin>
printf 'print(1)\n1/0\n' | kite
