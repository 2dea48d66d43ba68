# uncaught AssertionError with a message
def withdraw(balance, amount):
    assert amount <= balance, f'insufficient funds: {balance} < {amount}'
    return balance - amount
print(withdraw(100, 30))
print(withdraw(100, 300))
