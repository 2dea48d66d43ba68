# augmented assignment over all operators
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 7; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF0; print(x)
x |= 1; print(x)
x ^= 0xFF; print(x)
x /= 4; print(x)
s = 'ab'
s += 'cd'; s *= 2; print(s)
l = [1]
m = l
l += [2, 3]
print(l, m, l is m)
t = (1,)
u = t
t += (2,)
print(t, u)
l *= 2
print(m)
n = 2**64
n *= n
print(n)
