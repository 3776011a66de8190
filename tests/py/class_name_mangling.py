# Double-underscore names are mangled with the class name.
class Account:
    def __init__(self):
        self.__balance = 100
        self._protected = 'p'

    def balance(self):
        return self.__balance


class Sub(Account):
    def __init__(self):
        super().__init__()
        self.__balance = 'sub-private'

    def both(self):
        return self.__balance, self.balance()


a = Account()
print(a.balance(), a._protected, hasattr(a, '__balance'), a._Account__balance)
s = Sub()
print(s.both(), sorted(k for k in s.__dict__))
