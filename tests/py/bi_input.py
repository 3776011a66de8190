# input() reads lines from stdin; the prompt goes to stdout without a newline.
name = input('name? ')
print('hello', name)
age = int(input())
print('next year', age + 1)
nums = [int(x) for x in input().split()]
print(sum(nums), max(nums))
blank = input()
print(repr(blank))
spaced = input()
print(repr(spaced))
count = 0
while True:
    try:
        line = input()
    except EOFError:
        break
    count += 1
    print('line', count, line.upper())
print('done', count)
