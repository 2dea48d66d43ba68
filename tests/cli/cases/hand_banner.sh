# -i with no script: the banner on stderr, then prompts
# by hand: the banner names Kite ("Kite 0.1.0 (Python 3.11.7 compatible) on linux")
printf 'print(5)\n' | kite -i
