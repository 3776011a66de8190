# An uncaught custom exception with a custom __str__ and extra attributes.
class HttpError(Exception):
    def __init__(self, code, reason):
        super().__init__(code, reason)
        self.code = code
        self.reason = reason

    def __str__(self):
        return f'{self.code} {self.reason}'


print('requesting')
raise HttpError(404, 'Not Found')
