match = 1
case = 2
_ = 3
match(x)
type = 4
