# a SyntaxError in the script: status 1
kite "$PWD/bad_syntax.py"
