class AppError(Exception):
    """Base app error."""

class ValidationError(AppError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field

def validate(rec):
    if "@" not in rec.get("email", ""):
        raise ValidationError("email", "missing @")
    return True

def process(records):
    results = []
    for r in records:
        try:
            results.append(validate(r))
        except ValidationError as e:
            results.append(str(e))
    return results

print(process([{"email": "a@b"}, {"email": "nope"}, {}]))
def main():
    try:
        validate({"email": "x"})
    except AppError:
        raise
main()
