# blank and comment-only lines at the first prompt do nothing
printf '\n   \n# c\n  # d\n4\n' | kite -iq
