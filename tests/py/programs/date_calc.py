# calendar arithmetic without modules: leap years, day of week, days between dates
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
def days_in_month(y, m):
    return 29 if m == 2 and is_leap(y) else DAYS[m - 1]
def ordinal(y, m, d):
    days = d
    for yy in range(1, y):
        days += 366 if is_leap(yy) else 365
    for mm in range(1, m):
        days += days_in_month(y, mm)
    return days
NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
def weekday(y, m, d):
    return NAMES[(ordinal(y, m, d) - 1) % 7]
print([y for y in [1900, 2000, 2023, 2024, 2100] if is_leap(y)])
for date in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 25), (1969, 7, 20)]:
    print(date, weekday(*date))
print(ordinal(2024, 3, 1) - ordinal(2024, 2, 1), ordinal(2025, 1, 1) - ordinal(2024, 1, 1))
print('days from moon landing to y2k:', ordinal(2000, 1, 1) - ordinal(1969, 7, 20))
def calendar(y, m):
    print(f'{y}-{m:02d}'.center(20))
    print('Mo Tu We Th Fr Sa Su')
    start = NAMES.index(weekday(y, m, 1))
    cells = ['  '] * start + [f'{d:2d}' for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        print(' '.join(cells[i:i + 7]))
calendar(2024, 2)
