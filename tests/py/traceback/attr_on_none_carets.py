# carets for a chained attribute/call expression
record = {'name': None}
print(record['name'].strip().upper())
