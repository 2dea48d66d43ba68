# RecursionError message and recovery
def infinite(n):
    return infinite(n + 1) + 1
try:
    infinite(0)
except RecursionError as e:
    print(type(e).__name__ + ':', e)
    print(isinstance(e, RuntimeError), e.args)
def build(n):
    return [build(n + 1)]
try:
    build(0)
except RecursionError as e:
    print('again:', e)
print('still running', sum(range(10)))
