# uncaught TypeError from unsupported operand types
count = 3
label = 'items: '
message = label + count
