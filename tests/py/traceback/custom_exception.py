# uncaught user-defined exception: the type name shown is the class qualname
class InsufficientFunds(Exception):
    pass
def pay(amount):
    raise InsufficientFunds(f'need {amount} more')
pay(25)
