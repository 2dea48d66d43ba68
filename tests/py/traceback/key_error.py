# uncaught KeyError: subscript carets and repr of the key
config = {'host': 'localhost', 'port': 80}
print(config['host'])
timeout = config['timeout']
