# Uncaught UnboundLocalError: assignment later in the function makes the name local.
count = 10


def increment():
    count += 1
    return count


print('start')
increment()
