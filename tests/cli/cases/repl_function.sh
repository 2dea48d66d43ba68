# a multi-line function definition ends at an empty line, then a call
printf 'def f(a):\n    b = a * 2\n    return b + 1\n\nf(20)\n' | kite -iq
