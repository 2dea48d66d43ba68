# importing a user module from the script's directory
import mod_helper
print(mod_helper.GREETING, mod_helper.greet('kite'))
print(mod_helper.add_item('a'), mod_helper.add_item('b'), mod_helper.items)
print(mod_helper.__name__, type(mod_helper).__name__)
print(mod_helper._private())
s = mod_helper.Stack()
s.push(1); s.push(2)
print(s.pop(), s.data)
mod_helper.GREETING = 'hi'
print(mod_helper.greet('again'))
print(sorted(n for n in dir(mod_helper) if not n.startswith('__')))
