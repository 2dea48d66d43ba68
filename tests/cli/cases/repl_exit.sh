# exit(n) leaves with status n
printf 'print(1)\nexit(4)\nprint(2)\n' | kite -iq
