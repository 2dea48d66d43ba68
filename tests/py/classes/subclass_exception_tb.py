class AppError(Exception):
    def __str__(self):
        return 'custom message'
class NotFound(AppError):
    pass
def f():
    raise NotFound(1, 2)
f()
