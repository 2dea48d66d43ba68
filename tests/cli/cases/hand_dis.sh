# --dis FILE prints the bytecode of each code object
# by hand: a Kite option (the listing itself is tested by the engine's tests)
kite --dis small.py | grep -c '^Disassembly of '
kite --dis small.py | grep -o 'LOAD_CONST' | head -1
