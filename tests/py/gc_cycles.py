# Reference cycles and allocation churn: results must be unaffected by when memory is reclaimed.
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
        self.prev = None


def make_ring(n):
    nodes = [Node(i) for i in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b
        b.prev = a
    return nodes[0]


total = 0
for round_no in range(200):
    head = make_ring(50)
    node, s = head, 0
    for _ in range(50):
        s += node.v
        node = node.next
    total += s + head.prev.v
print(total)
keep = []
for i in range(3000):
    d = {'id': i}
    d['self'] = d
    lst = [d, i]
    lst.append(lst)
    if i % 500 == 0:
        keep.append(lst)
print(len(keep), [k[1] for k in keep], keep[2][2][2][0]['self']['id'])


def closure_cycle(n):
    def f():
        return n + (1 if f else 0)
    return f


print(sum(closure_cycle(i)() for i in range(1000)))
head = None
for i in range(20000):
    n = Node(i)
    n.next = head
    head = n
count, node = 0, head
while node:
    count += 1
    node = node.next
print(count, head.v, head.next.next.v)
