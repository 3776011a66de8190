# except with tuples of types, order of except clauses, and catching BaseException subclasses.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup:' + type(e).__name__
    except (ZeroDivisionError, OverflowError):
        return 'math'
    except ArithmeticError:
        return 'arith-other'
    except Exception as e:
        return 'generic:' + type(e).__name__
    except BaseException as e:
        return 'base:' + type(e).__name__


for exc in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), FloatingPointError(),
            ValueError(), KeyboardInterrupt(), SystemExit(0), GeneratorExit()]:
    print(classify(exc))
handlers = (TypeError, ValueError)
try:
    int([])
except handlers as e:
    print('dynamic tuple caught', type(e).__name__)
