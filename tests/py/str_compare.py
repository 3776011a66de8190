# Lexicographic string comparison by code point.
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'Z' < 'a', 'a' < 'B', '10' < '9')
print('abc' == 'abc', 'abc' != 'ABC', 'é' > 'z', 'ä' < 'ö', max('apple', 'banana', 'Cherry'))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', '', 'a']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(min(words), max(words), 'abc' <= 'abc' < 'abd' >= 'abc')
print(('a' == 1), ('a' != 1))
try:
    'a' < 1
except TypeError as e:
    print('TypeError:', e)
