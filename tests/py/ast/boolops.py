a = x and y or z
b = x or y or z
c = (x or y) or z
d = not a and not b
e = x and (y and z)
