# a singly linked list built from tuples and a tiny class, with common operations
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
def from_list(xs):
    head = None
    for x in reversed(xs):
        head = Node(x, head)
    return head
def to_list(head):
    out = []
    while head:
        out.append(head.value)
        head = head.next
    return out
def reverse(head):
    prev = None
    while head:
        head.next, prev, head = prev, head, head.next
    return prev
def merge(a, b):
    dummy = tail = Node(None)
    while a and b:
        if a.value <= b.value:
            tail.next, a = a, a.next
        else:
            tail.next, b = b, b.next
        tail = tail.next
    tail.next = a or b
    return dummy.next
def middle(head):
    slow = fast = head
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
    return slow.value if slow else None
lst = from_list([1, 2, 3, 4, 5])
print(to_list(lst), middle(lst))
lst = reverse(lst)
print(to_list(lst), middle(from_list([1, 2, 3, 4])), middle(None))
print(to_list(merge(from_list([1, 4, 9]), from_list([2, 3, 10, 11]))))
cons = None
for v in 'abc':
    cons = (v, cons)
print(cons)
out = []
while cons:
    v, cons = cons
    out.append(v)
print(out)
