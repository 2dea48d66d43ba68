# three chained exceptions mixing explicit and implicit chaining
def step():
    try:
        try:
            {}['cfg']
        except KeyError as e:
            raise ValueError('config missing') from e
    except ValueError:
        raise RuntimeError('startup failed')
step()
