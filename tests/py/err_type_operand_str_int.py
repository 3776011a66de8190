# Uncaught TypeError adding int and str.
age = 30
print('age: ' + str(age))
print(age + ' years')
