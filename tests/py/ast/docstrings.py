'''Module doc.'''
def f():
    """Func doc."""
    return 1
class C:
    'class doc'
