# Custom exception hierarchies: catching by base class, extra attributes, custom __str__.
class AppError(Exception):
    pass


class DbError(AppError):
    def __init__(self, table, msg):
        super().__init__(msg)
        self.table = table


class NotFound(DbError):
    def __str__(self):
        return f'{self.table}: not found ({self.args[0]})'


class AuthError(AppError):
    pass


for exc in [NotFound('users', 'id=3'), DbError('orders', 'locked'), AuthError('denied'), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print('NotFound handler:', e, e.table)
    except DbError as e:
        print('DbError handler:', e, e.table, e.args)
    except AppError as e:
        print('AppError handler:', type(e).__name__, repr(str(e)), e.args)
print([c.__name__ for c in NotFound.__mro__])
