# A small bank simulation with classes, exceptions and a transaction log.
class InsufficientFunds(Exception):
    pass


class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError('deposit must be positive')
        self.balance += amount
        self.history.append(('deposit', amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f'{self.owner} has {self.balance}, needs {amount}')
        self.balance -= amount
        self.history.append(('withdraw', amount))

    def __repr__(self):
        return f'Account#{self.id}({self.owner}, {self.balance})'


class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate_pct=2):
        super().__init__(owner, balance)
        self.rate_pct = rate_pct

    def add_interest(self):
        interest = self.balance * self.rate_pct // 100
        self.deposit(interest)
        return interest


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, cls, *args):
        acct = cls(*args)
        self.accounts[acct.id] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except InsufficientFunds as e:
            print('transfer failed:', e)
            return False
        self.accounts[dst].deposit(amount)
        return True

    def total(self):
        return sum(a.balance for a in self.accounts.values())


bank = Bank()
a = bank.open(Account, 'ann', 100)
b = bank.open(SavingsAccount, 'bob', 1000, 5)
print(a, b, bank.total())
print(bank.transfer(a.id, b.id, 30), bank.transfer(a.id, b.id, 500))
print(b.add_interest(), a, b, bank.total())
try:
    a.deposit(-5)
except ValueError as e:
    print('ValueError:', e)
print(a.history, b.history)
print(sorted(bank.accounts.values(), key=lambda acc: -acc.balance))
