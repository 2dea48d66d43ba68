# sys.ps1 and sys.ps2 are the prompts (str() of any object; none at all once deleted)
printf 'import sys\nsys.ps1, sys.ps2\nsys.ps1 = 5\nsys.ps2 = None\nif 1:\n  1\n\ndel sys.ps1\n2\n' | kite -iq
