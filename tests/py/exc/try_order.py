# try/except/else/finally execution order
def run(fail):
    try:
        print('  try', fail)
        if fail:
            raise ValueError('boom')
    except ValueError as e:
        print('  except', e)
    else:
        print('  else')
    finally:
        print('  finally')
    print('  after')
run(False)
run(True)
def nested():
    try:
        try:
            raise KeyError('inner')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer caught', e)
    finally:
        print('outer finally')
nested()
try:
    pass
finally:
    print('finally without except')
try:
    raise TypeError('t')
except ValueError:
    print('wrong')
except TypeError:
    print('right handler')
except Exception:
    print('too general')
