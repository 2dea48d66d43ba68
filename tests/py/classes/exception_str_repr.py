class E1(Exception):
    def __repr__(self):
        return 'E1-repr'
class E2(Exception):
    def __str__(self):
        return 'E2-str'
print(str(E1('a')), repr(E1('a')), str(E2('b')), repr(E2('b')))
print(E1(), repr(E2()), [E2('q')])
class NoArgs(Exception):
    def __init__(self):
        pass
e = NoArgs()
print(repr(e), e.args, str(e) == '')
raise E2('ignored')
