# a deterministic queue simulation with a linear congruential generator
seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
queue, served, waits = [], 0, []
for tick in range(40):
    if rand(3) == 0:
        queue.append((tick, rand(4) + 1))
    if queue and tick % 2 == 0:
        arrived, work = queue.pop(0)
        waits.append(tick - arrived)
        served += 1
    if tick % 10 == 9:
        print(f'tick {tick:2}: queue={len(queue)} served={served}')
print('served', served, 'left', len(queue))
print('waits', waits)
print('avg wait %.3f max %d' % (sum(waits) / len(waits), max(waits)))
hist = {}
for w in waits:
    hist[w] = hist.get(w, 0) + 1
for w in sorted(hist):
    print(f'{w:3} | {"*" * hist[w]}')
