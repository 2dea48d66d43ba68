# attributes on built-in exceptions: KeyError args, OSError fields, StopIteration.value, name on ImportError
try:
    {}['x']
except KeyError as e:
    print(e.args, e.args[0])
e = OSError(2, 'No such file or directory', 'missing.txt')
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(str(OSError('just a message')), OSError('a', 'b', 'c', 'd').args)
s = StopIteration('v', 'w')
print(s.value, s.args)
try:
    import not_a_real_module_kite
except ImportError as ie:
    print(ie.name, type(ie).__name__)
se = SystemExit('bye')
print(se.code, se.args)
ue = UnicodeError('u')
print(isinstance(ue, ValueError), ue.args)
err = ValueError('with note')
print(hasattr(err, 'add_note'), getattr(err, '__notes__', 'no notes'))
err.add_note('extra context')
print(err.__notes__)
