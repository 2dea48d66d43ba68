def step3(d):
    return d["missing"]

def step2(d):
    try:
        return step3(d)
    except KeyError as e:
        raise ValueError("step2 failed: " + str(e))

def step1():
    data = {"a": 1}
    values = [x * 2 for x in data.values()]
    return step2(data) + values[0]

print("start")
step1()
