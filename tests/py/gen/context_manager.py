# with statements using simple classes with __enter__/__exit__
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print(f'<{self.name}>')
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f'</{self.name}>', exc_type.__name__ if exc_type else None)
        return False
with Tag('html') as t:
    print('  inside', t.name)
with Tag('a'), Tag('b'):
    print('  nested')
try:
    with Tag('err'):
        raise ValueError('inside with')
except ValueError as e:
    print('propagated:', e)
class Suppress:
    def __enter__(self):
        return 'resource'
    def __exit__(self, exc_type, exc, tb):
        print('suppressing', exc_type.__name__ if exc_type else None, exc)
        return True
with Suppress() as r:
    print('got', r)
    1 / 0
print('continued after suppressed error')
def early():
    with Tag('fn'):
        return 'returned from with'
print(early())
for i in range(3):
    with Tag(f'loop{i}'):
        if i == 1:
            break
