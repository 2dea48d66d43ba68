# exception raised inside finally while another is propagating
def work():
    try:
        raise KeyError('primary')
    finally:
        cleanup = None
        cleanup.close()
work()
