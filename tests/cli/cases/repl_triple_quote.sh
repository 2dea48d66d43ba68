# a triple-quoted string spans lines
printf 's = """a\n\nb"""\ns\n' | kite -iq
