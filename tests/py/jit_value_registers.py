# Values kept in the JIT's value registers between uops (-X regalloc=on): every way a trace can leave while some
# of the stack's top is in registers must leave the frame as the interpreter expects it.


class Box:
    def __init__(self, v):
        self.v = v


def deep(a, b, c, d, e):
    # More temporaries than registers: the deepest are spilled to the frame and come back as operands.
    return (a * b + (c - d) * (e + a)) - ((b + c) * (d - e) + (a - b) * (c + d))


def guard_fails_mid_expression(n):
    # x turns from float to int (then str) while other operands are in registers: the guard deopts there.
    total = 0.0
    out = []
    for i in range(n):
        x = 1.5 if i < 30 else (i if i < 60 else "s")
        try:
            total = total + (0.25 * i + (x * 2) * 0.5)
        except TypeError as exc:
            out.append((i, str(exc)))
            break
    return total, out


def error_with_values_in_registers(n):
    # A ZeroDivisionError raised by a uop whose inputs are in registers, caught in the loop.
    caught = 0
    acc = 0.0
    for i in range(n):
        d = float(i % 7 - 3)
        try:
            acc += (i * 0.5 + 1.0) / d + 2.0
        except ZeroDivisionError as exc:
            caught += 1
            if caught == 1:
                print("caught:", exc)
    return caught, acc


def augmented_subscripts_and_attributes(n):
    # x[i] += ... compiles to COPY 2 / SWAP 3 / SWAP 2; o.v += ... to COPY 1 / SWAP 2: register variants.
    xs = [0.0] * 8
    ys = [0] * 8
    b = Box(0.0)
    for i in range(n):
        xs[i % 8] += i * 0.5
        ys[(i * 3) % 8] -= i
        b.v += xs[i % 8] - 1.0
    return xs, ys, b.v


def unbound_local_in_loop(n):
    # LOAD_FAST raising UnboundLocalError inside a trace (its variant at some depth).
    seen = []
    for i in range(n):
        if i == n - 1:
            del_me = 1
            del del_me
            try:
                seen.append(i + 2.0 * del_me)
            except UnboundLocalError as exc:
                seen.append(str(exc))
        else:
            seen.append(i * 2.0 + 1.0)
    return seen[-3:]


def int_overflow_in_registers(n):
    # An int result leaving the immediate range: the int op deopts with its operands in registers.
    v = 1
    for i in range(n):
        v = v * 3 + (i & 7) - (i >> 2)
    return v


def compare_chain(n):
    count = 0
    for i in range(n):
        a, b, c = i * 0.5, i % 11, (i * 7) % 13
        if a < b <= c or (b == c and a > 2.0):
            count += 1
    return count


print(deep(1.5, 2.25, 3.0, 4.5, 5.75), deep(3, 5, 7, 11, 13))
print([deep(i * 0.5, 1.0, 2.0, i, 3.0) for i in range(5)])
print(guard_fails_mid_expression(100))
print(error_with_values_in_registers(50))
print(augmented_subscripts_and_attributes(200))
print(unbound_local_in_loop(40))
print(int_overflow_in_registers(80))
print(compare_chain(500))
