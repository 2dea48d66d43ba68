class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.account = account
        self.amount = amount

class AccountFrozen(BankError):
    pass

class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1
    def _check(self):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")
    def deposit(self, amount):
        self._check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))
        return self
    def __str__(self):
        return f"#{self.id} {self.owner:<8} {self.balance:>10.2f}"

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, initial=0):
        a = Account(owner, initial)
        self.accounts[a.id] = a
        return a
    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
        except InsufficientFunds as e:
            print("transfer failed:", e)
            return False
        else:
            dst.deposit(amount)
            return True
        finally:
            print(f"transfer {src.owner}->{dst.owner} {amount} attempted")

bank = Bank()
a = bank.open("alice", 100)
b = bank.open("bob")
print(bank.transfer(a, b, 30))
print(bank.transfer(b, a, 50))
a.deposit(12.5).withdraw(2.25)
b.frozen = True
for op in [lambda: b.deposit(1), lambda: a.deposit(-5), lambda: a.withdraw(10**6)]:
    try:
        op()
    except BankError as e:
        print("bank error:", type(e).__name__, e, isinstance(e, Exception))
    except ValueError as e:
        print("value error:", e, e.args)
for acct in bank.accounts.values():
    print(acct)
print(a.history)
e = InsufficientFunds(a, 5)
print(repr(e), e.args, e.amount)
print(BankError.__mro__)
try:
    try:
        b.withdraw(1)
    except AccountFrozen as exc:
        raise RuntimeError("audit failed") from exc
except RuntimeError as r:
    print(r, "<-", repr(r.__cause__), r.__suppress_context__)
total = sum(x.balance for x in bank.accounts.values())
print(f"total={total:.2f}")
