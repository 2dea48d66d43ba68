# "The above exception was the direct cause of the following exception:"
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f'bad config value {text!r}') from e
print(parse('12'))
parse('twelve')
