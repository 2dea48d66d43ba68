# an exception without a message prints just its type name
def check(flag):
    if not flag:
        raise ValueError
check(True)
check(False)
