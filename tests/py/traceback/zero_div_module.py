# uncaught ZeroDivisionError at module level: binary-operator carets
a = 10
b = 0
print('before')
print(a / b)
print('never')
