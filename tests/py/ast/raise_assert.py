raise
raise E
raise E('x') from None
assert x
assert x, 'msg'
