"""Module doc."""
def f():
    "func doc"
class C:
    """class doc"""
