# math error messages
import math
def t(label, f):
    try:
        print(label, f())
    except (ValueError, OverflowError, TypeError) as e:
        print(label, type(e).__name__, e)
t('sqrt(-1)', lambda: math.sqrt(-1))
t('log(0)', lambda: math.log(0))
t('log(-1)', lambda: math.log(-1))
t('exp(1000)', lambda: math.exp(1000))
t('factorial(-1)', lambda: math.factorial(-1))
t('factorial(2.5)', lambda: math.factorial(2.5))
t('acos(2)', lambda: math.acos(2))
t('pow(0,-1)', lambda: math.pow(0, -1))
t('floor(inf)', lambda: math.floor(math.inf))
t('ceil(nan)', lambda: math.ceil(math.nan))
t('sqrt(str)', lambda: math.sqrt('4'))
t('gcd(float)', lambda: math.gcd(1.5, 2))
t('isqrt(-1)', lambda: math.isqrt(-1))
t('fmod(1,0)', lambda: math.fmod(1, 0))
t('sqrt(inf)', lambda: math.sqrt(math.inf))
t('log(big)', lambda: round(math.log(10**400), 6))
