# else/elif continue a compound statement
printf 'if 0:\n  1\nelif 0:\n  2\nelse:\n  3\n\n' | kite -iq
