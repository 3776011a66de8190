# Uncaught TypeError from a missing required argument of a method.
class Account:
    def deposit(self, amount):
        return amount


a = Account()
print(a.deposit(5))
a.deposit()
