def outer():
    def inner():
        if x:
            for y in z:
                while w:
                    try:
                        pass
                    except:
                        pass
        return inner
    class K:
        pass
