# KeyboardInterrupt raised by code: traceback, the session goes on
printf 'raise KeyboardInterrupt\n1\n' | kite -iq
