# count() is non-overlapping and honours start/end.
print('banana'.count('a'), 'banana'.count('an'), 'banana'.count('ana'), 'aaaa'.count('aa'))
print('banana'.count(''), ''.count(''), ''.count('a'), 'banana'.count('a', 2), 'banana'.count('a', 2, 4))
print('hello world'.count('o'), 'hello world'.count('l', -3))
text = 'one fish two fish red fish blue fish'
print({w: text.count(w) for w in ('fish', 'one', 'green')})
