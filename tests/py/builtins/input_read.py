# input() reading from stdin (input_read.in); EOFError at end
name = input()
print('hello,', name)
n = int(input('number? '))
print('double', n * 2)
nums = [int(x) for x in input().split()]
print(sum(nums), max(nums))
line = input()
print(repr(line))
import sys
rest = sys.stdin.readline()
print(repr(rest))
try:
    while True:
        print('read', repr(input()))
except EOFError as e:
    print(type(e).__name__, e)
