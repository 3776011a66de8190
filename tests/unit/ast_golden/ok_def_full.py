@dec
@dec2(x)
def f(a, b: int = 1, /, c=2, *args: str, d, e: int = 3, **kw: dict) -> bool:
    """doc"""
    pass
