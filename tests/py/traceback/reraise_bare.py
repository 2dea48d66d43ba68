# a bare re-raise keeps the original traceback entry
def load(n):
    return [1, 2, 3][n]
def safe_load(n):
    try:
        return load(n)
    except IndexError:
        print('logging failure for', n)
        raise
print(safe_load(1))
safe_load(10)
