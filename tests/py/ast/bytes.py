a = b'abc'
b = b'\x00\xff'
c = rb'raw\x'
d = b'a' b'b'
e = B"x"
