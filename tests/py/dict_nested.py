# Nested dict structures, deep access, and repr.
db = {'users': [{'name': 'ann', 'tags': ['admin']}, {'name': 'bo', 'tags': []}], 'meta': {'v': 1, 'ok': True}}
print(db)
print(db['users'][0]['tags'][0], db['meta']['ok'], len(db['users']))
db['users'][1]['tags'].append('new')
db['meta']['v'] += 1
print(db['users'][1], db['meta'])
tree = {}
for path in ['a/b/c', 'a/b/d', 'a/e', 'f']:
    node = tree
    for part in path.split('/'):
        node = node.setdefault(part, {})
print(tree)
print(repr({'q': "it's", 'n': None, 'f': 1.5, 't': (1,)}))
