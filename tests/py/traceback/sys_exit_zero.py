# sys.exit() and sys.exit(0) and sys.exit(None): status 0, no output
import sys
def main():
    print('main ran')
    sys.exit()
main()
print('never')
