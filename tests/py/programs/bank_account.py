# bank-account simulation with functions and dicts
accounts = {}
log = []
def open_account(name, deposit=0):
    if name in accounts:
        raise ValueError(f'account {name!r} exists')
    accounts[name] = {'balance': deposit, 'history': [('open', deposit)]}
def deposit(name, amount):
    if amount <= 0:
        raise ValueError('deposit must be positive')
    accounts[name]['balance'] += amount
    accounts[name]['history'].append(('deposit', amount))
def withdraw(name, amount):
    acct = accounts[name]
    if amount > acct['balance']:
        raise ValueError(f'insufficient funds in {name}: {acct["balance"]} < {amount}')
    acct['balance'] -= amount
    acct['history'].append(('withdraw', amount))
def transfer(src, dst, amount):
    withdraw(src, amount)
    deposit(dst, amount)
ops = [('open', 'alice', 100), ('open', 'bob', 50), ('deposit', 'alice', 25), ('withdraw', 'bob', 80),
       ('transfer', 'alice', 'bob', 70), ('open', 'alice', 1), ('deposit', 'carol', 5), ('deposit', 'bob', -3),
       ('transfer', 'bob', 'alice', 120)]
for op in ops:
    kind, args = op[0], op[1:]
    try:
        {'open': open_account, 'deposit': deposit, 'withdraw': withdraw, 'transfer': transfer}[kind](*args)
        log.append(f'ok   {kind} {args}')
    except (ValueError, KeyError) as e:
        log.append(f'FAIL {kind} {args}: {type(e).__name__}: {e}')
print('\n'.join(log))
for name in sorted(accounts):
    acct = accounts[name]
    print(f'{name:<6} {acct["balance"]:>6.2f}', acct['history'])
print('total', sum(a['balance'] for a in accounts.values()))
