# uncaught IndexError inside an expression
values = [10, 20, 30]
i = 5
result = values[0] + values[i] * 2
