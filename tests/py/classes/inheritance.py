class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return type(self).__name__
class Dog(Animal):
    sound = 'woof'
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + '!'
for a in (Animal('x'), Dog('rex'), Puppy('bit')):
    print(a.speak(), a.kind())
print(Puppy.__bases__, Puppy.__base__)
print(Puppy.__mro__)
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(isinstance(Puppy('p'), Animal), isinstance(Dog('d'), Puppy))
