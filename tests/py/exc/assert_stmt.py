# assert with and without messages
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print('no message:', repr(e), e.args)
try:
    assert False, 'custom message'
except AssertionError as e:
    print('message:', e)
try:
    x = [1, 2]
    assert len(x) == 3, f'expected 3 items, got {len(x)}'
except AssertionError as e:
    print(e)
try:
    assert None, {'detail': 1}
except AssertionError as e:
    print(e.args[0])
assert True, 'never'
assert [1]
print('passing asserts are silent')
def msg():
    print('message evaluated')
    return 'lazy'
assert True, msg()
try:
    assert 0, msg()
except AssertionError as e:
    print(e)
