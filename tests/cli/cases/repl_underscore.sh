# _ holds the last printed value (builtins._)
printf '_\n5\n_\nNone\n_\n_ * 2\n' | kite -iq
