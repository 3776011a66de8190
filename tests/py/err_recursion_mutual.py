# Unbounded mutual recursion through a method and a function.
class Node:
    def visit(self):
        return walk(self)


def walk(node):
    return node.visit()


print('walking')
walk(Node())
