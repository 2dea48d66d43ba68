# state persists across statements
printf 'class A:\n  n = 1\n\na = A()\na.n += 1\na.n\nimport sys\nsys.argv\n' | kite -iq
