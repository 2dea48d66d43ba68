# helper module imported by the modules/ tests; prints nothing when run as a script
GREETING = 'hello'
items = []

def greet(name):
    return f'{GREETING}, {name}'

def add_item(x):
    items.append(x)
    return len(items)

def _private():
    return 'private'

class Stack:
    def __init__(self):
        self.data = []
    def push(self, v):
        self.data.append(v)
    def pop(self):
        return self.data.pop()
