class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split('-')))
    @staticmethod
    def is_valid(s):
        parts = s.split('-')
        return len(parts) == 3 and all(p.isdigit() for p in parts)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date): pass
print(Date.from_string('2024-01-05'), MyDate.from_string('1999-12-31'))
print(Date.is_valid('2020-1-1'), MyDate.is_valid('x-1'))
print(MyDate(1, 2, 3).from_string('3-2-1'))
