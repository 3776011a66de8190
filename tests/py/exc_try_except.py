# Basic try/except: matching by class, the bound name, and falling through.
def risky(kind):
    if kind == 'zero':
        return 1 / 0
    if kind == 'key':
        return {}['k']
    if kind == 'index':
        return [][0]
    if kind == 'type':
        return 'a' + 1
    if kind == 'value':
        return int('x')
    return 'ok'


for k in ['zero', 'key', 'index', 'type', 'value', 'none']:
    try:
        r = risky(k)
        print(k, 'returned', r)
    except ZeroDivisionError as e:
        print(k, 'ZeroDivisionError', e)
    except KeyError as e:
        print(k, 'KeyError', e)
    except (IndexError, TypeError) as e:
        print(k, type(e).__name__, e)
    except Exception as e:
        print(k, 'other', type(e).__name__, e)
