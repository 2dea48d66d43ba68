# helper module: behaves differently when run as a script and when imported
def describe():
    return 'mod_mainguard.__name__ is ' + __name__

if __name__ == '__main__':
    print('run as a script:', describe())
else:
    print('imported:', describe())
