# helper module: executes a print at import time, so importing it twice shows caching
print('mod_counter: executing module body')
loads = 1
def bump():
    global loads
    loads += 1
    return loads
