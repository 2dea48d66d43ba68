# raise SystemExit(5) directly; SystemExit is not caught by except Exception
try:
    raise SystemExit(5)
except Exception:
    print('not caught here')
