a = 1 < 2 <= 3 == 4 != 5 > 6 >= 7
b = x in y not in z
c = x is y is not z
d = (a < b) < c
