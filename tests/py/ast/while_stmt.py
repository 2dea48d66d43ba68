while x:
    pass
while x:
    break
else:
    continue
while True: pass
