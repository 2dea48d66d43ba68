class BankAccount:
    interest = 0.02
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.id = BankAccount._next_id
        BankAccount._next_id += 1
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amt
        return self
    def withdraw(self, amt):
        if amt > self.balance:
            raise ValueError(f'insufficient funds: {self.balance} < {amt}')
        self.balance -= amt
        return self
    def __repr__(self):
        return f"Account#{self.id}({self.owner!r}, {self.balance})"
class Savings(BankAccount):
    interest = 0.05
    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)
accts = [BankAccount('ann', 100), Savings('bob', 200)]
accts[0].deposit(50).withdraw(30)
accts[1].add_interest()
print(accts)
try:
    accts[0].withdraw(1000)
except ValueError as e:
    print(e)
try:
    accts[1].deposit(-1)
except ValueError as e:
    print(e)
print(sorted(accts, key=lambda a: -a.balance))
