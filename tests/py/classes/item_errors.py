class A: pass
class G:
    def __getitem__(self, k): return k
def s1(): A()[0]
def s2(): A()[0] = 1
def s3(): del A()[0]
def s4(): G()[0] = 1
def s5(): del G()[0]
for stmt in (s1, s2, s3, s4, s5):
    try:
        stmt()
    except TypeError as e:
        print(e)
    except AttributeError as e:
        print('AttributeError', e)
