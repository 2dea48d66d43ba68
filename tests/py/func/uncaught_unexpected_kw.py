# uncaught TypeError from an unexpected keyword argument inside a function
def connect(host, port=80):
    return f'{host}:{port}'
def main():
    print(connect('example', port=8080))
    print(connect('example', prot=8080))
main()
