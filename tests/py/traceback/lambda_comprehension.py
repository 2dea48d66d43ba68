# frames named <lambda> and <listcomp>
to_int = lambda s: int(s)
values = ['1', '2', 'three']
print([to_int(v) for v in values])
