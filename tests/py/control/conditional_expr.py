# conditional expressions and short-circuit evaluation
def t(v):
    print('eval', v)
    return v
print('yes' if 1 < 2 else 'no', 'yes' if [] else 'no')
print(t(1) if t(0) else t(2))
print(t(0) and t(1), t(1) and t(2))
print(t(0) or t(''), t('a') or t('b'))
x = 5
sign = 'pos' if x > 0 else 'neg' if x < 0 else 'zero'
print(sign, 'pos' if -1 > 0 else 'neg' if -1 < 0 else 'zero')
print([('even' if i % 2 == 0 else 'odd') for i in range(4)])
print((lambda v: 'big' if v > 10 else 'small')(50))
y = None
print(y if y is not None else 'fallback', (y or 'or-fallback'))
print(1 if True else 1 / 0, 0 and 1 / 0, 1 or 1 / 0)
print(not t(0) or t(3))
