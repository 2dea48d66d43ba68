# helper module: defines a function that fails, used for tracebacks across files
def fail(value):
    return 100 // value

def check(value):
    return fail(value) + 1
