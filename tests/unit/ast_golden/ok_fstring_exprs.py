def g():
    f"{yield}"
    f"{*a, b}"
    f"{x, y}"
    f"{ {1: 2}[1] }"
    f"{(lambda: 1)()}"
    f"{x:=1}"
    f"{(x:=1)}"
    f"{a!=b}"
