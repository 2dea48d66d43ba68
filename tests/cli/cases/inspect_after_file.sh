# -i after a script: its globals are there
printf 'add(40)\n' | kite -i small.py
