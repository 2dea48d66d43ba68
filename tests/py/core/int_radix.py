# hex/oct/bin and format of ints
for n in (0, 1, 255, -255, 2**70, -(2**70)):
    print(hex(n), oct(n), bin(n))
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(255, '#o'), format(255, '#b'))
print(format(-255, '#x'), format(5, '08b'), format(5, '#010b'))
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2**100).bit_length())
print((10).to_bytes is not None)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
print(0xdead_beef, 0o1234567, 0b1111_0000)
