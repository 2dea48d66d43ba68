# input() reads a line of stdin; its prompt goes to stdout
printf 'Bob\nrest\n' | kite -c 'print(repr(input("? ")))'
