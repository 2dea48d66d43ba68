# a script: sys.argv = [file, args...], __name__ == "__main__"
kite args.py one 'two words' -c
