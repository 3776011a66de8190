# An uncaught custom exception with a message.
class InventoryError(Exception):
    pass


def take(stock, n):
    if n > stock:
        raise InventoryError(f'only {stock} left, wanted {n}')
    return stock - n


print(take(5, 2))
take(5, 9)
