# Single inheritance, overriding, super() and method resolution through the chain.
class Animal:
    sound = '...'

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f'{self.name} says {self.sound}'

    def kind(self):
        return 'animal'


class Dog(Animal):
    sound = 'woof'

    def kind(self):
        return 'dog/' + super().kind()


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + f' (age {self.age})'


for a in [Animal('generic'), Dog('rex'), Puppy('bit', 1)]:
    print(type(a).__name__, a.speak(), a.kind())
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), isinstance(Puppy('x', 2), Dog))
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__, Animal.__bases__[0].__name__)
