class Config:
    debug = False
    level = 3
c = Config()
for name in ('debug', 'level', 'missing'):
    print(name, getattr(c, name, None), hasattr(c, name))
setattr(c, 'level', 5)
print(c.level, Config.level, vars(c))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print(e)
try:
    delattr(c, 'debug')
except AttributeError as e:
    print(e)
print(getattr(Config, '__name__'), getattr(c, '__class__').__name__)
try:
    getattr(c)
except TypeError as e:
    print(e)
