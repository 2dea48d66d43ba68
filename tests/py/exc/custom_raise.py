# raising with instances and classes, custom exception subclasses (minimal classes)
class ValidationError(ValueError):
    pass
def validate(age):
    if not isinstance(age, int):
        raise TypeError(f'age must be int, not {type(age).__name__}')
    if age < 0:
        raise ValidationError('age must be >= 0')
    return age
for a in [5, -1, 'x']:
    try:
        print('valid', validate(a))
    except ValidationError as e:
        print('ValidationError:', e, isinstance(e, ValueError))
    except TypeError as e:
        print('TypeError:', e)
try:
    raise ValidationError
except ValueError as e:
    print(repr(e), str(e) == '')
print(ValidationError.__name__, ValidationError.__bases__[0].__name__)
