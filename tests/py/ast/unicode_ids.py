café = 1
π = 3.14
名前 = 'x'
s = 'héllo wörld'
t = '\u00e9'
nbsp = '\xa0'
