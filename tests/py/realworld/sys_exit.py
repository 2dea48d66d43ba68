import sys
def log(*a):
    print(*a, file=sys.stderr)
print("working", end="...")
print("done", sep="")
print(1, 2, 3, sep=", ", end="\n\n")
sys.stdout.write("written\n")
log("to stderr", 42)
print(sys.argv[0].endswith("sys_exit.py"), type(sys.argv), sys.maxsize == 2**63 - 1, sys.version_info[0], sys.version_info >= (3, 8))
print(isinstance(sys.path, list), sys.byteorder in ("little", "big"), sys.platform == "linux")
try:
    sys.exit(3)
except SystemExit as e:
    print("caught exit", e.code)
try:
    raise SystemExit("bye")
except SystemExit as e:
    print(repr(e), e.code)
def finish():
    try:
        sys.exit("fatal: giving up")
    finally:
        print("finally before exit")
finish()
print("never")
