# run-length encoding, caesar/vigenere ciphers and checksums
def rle(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f'{j - i}{s[i]}')
        i = j
    return ''.join(out)
def unrle(s):
    out, num = '', ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out += ch * int(num)
            num = ''
    return out
for s in ['aaabccddddd', 'abc', '', 'zzzzzzzzzzzz']:
    e = rle(s)
    print(repr(s), repr(e), unrle(e) == s)
def vigenere(text, key, sign=1):
    out, k = [], 0
    for ch in text:
        if ch.isalpha():
            base = ord('A') if ch.isupper() else ord('a')
            shift = (ord(key[k % len(key)].lower()) - ord('a')) * sign
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return ''.join(out)
msg = 'Attack at Dawn, Kite!'
enc = vigenere(msg, 'lemon')
print(enc, vigenere(enc, 'lemon', -1))
def luhn(number):
    digits = [int(d) for d in str(number)][::-1]
    total = sum(digits[0::2]) + sum(sum(divmod(2 * d, 10)) for d in digits[1::2])
    return total % 10 == 0
print([luhn(n) for n in [79927398713, 79927398710, 4539578763621486, 1234567812345678]])
def adler32(s):
    a, b = 1, 0
    for ch in s:
        a = (a + ord(ch)) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
print(hex(adler32('Wikipedia')), adler32(''))
