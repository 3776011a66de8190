# Extended slices with positive and negative steps.
s = '0123456789'
print(s[::2], s[1::2], s[::3], s[::-1], s[::-2], s[8:2:-2], s[2:8:-1] == '', s[-1:-11:-1])
print(s[::10], s[::11], s[5::-1], s[:5:-1], s[-2::-3])
print('racecar'[::-1] == 'racecar', 'hello'[::-1])
try:
    s[::0]
except ValueError as e:
    print('ValueError:', e)
word = 'palindrome'
print(''.join(word[i] for i in range(len(word) - 1, -1, -1)))
