# line numbers in tracebacks count from the statement start
printf 'def g():\n    return 1 / 0\n\ng()\n' | kite -iq
