# globals() and locals() contents, and exec-free dynamic lookups
x = 10
def show():
    y = 20
    z = [x, y]
    loc = locals()
    print(sorted(loc), loc['y'], loc['z'])
    print('x' in globals(), 'y' in globals())
show()
def outer():
    a = 1
    def inner():
        return a
    print(sorted(locals()))
    return inner
print(outer()())
print(globals()['x'], globals().get('nope', 'absent'))
globals()['dynamic'] = 'created'
print(dynamic)
print(sorted(k for k in globals() if not k.startswith('__')))
print(locals() is globals())
print(__name__, type(__builtins__).__name__ in ('module', 'dict'))
