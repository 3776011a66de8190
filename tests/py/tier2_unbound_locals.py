# Locals that become unbound inside traced loops: the trace must keep (or restore) the UnboundLocalError check
# after a `del`, for a parameter deleted mid-loop, and for a local bound on only some iterations.


def delete_then_load(n):
    out = []
    for i in range(n):
        x = i * 2
        out.append(x)
        if i == n - 3:
            del x
            try:
                out.append(x)
            except UnboundLocalError as e:
                out.append(str(e))
    return out


def deleted_parameter(a, n):
    total = 0
    for i in range(n):
        total += a
        if i == n - 1:
            del a
    try:
        return total + a
    except UnboundLocalError as e:
        return "%d %s" % (total, e)


def bound_on_some_iterations(n):
    seen = []
    for i in range(n):
        if i % 5 == 4:
            y = i
        try:
            seen.append(y)
        except UnboundLocalError:
            seen.append(None)
        if i % 7 == 6:
            del y
    return seen


def loop_carried_delete(n):
    z = 0
    count = 0
    for i in range(n):
        try:
            z = z + 1
        except UnboundLocalError:
            count += 1
            z = 100
        if i % 10 == 9:
            del z
    return z, count


def load_before_store(n):
    # Recorded from the second iteration (threshold 1), which deletes z at its end: the next iteration's load of z,
    # in the loop copy of the trace, must still check it (no calls in the loop: the trace closes it).
    total = 0
    for i in range(n):
        try:
            v = z
        except UnboundLocalError:
            v = -1
        total += v * i
        z = i
        if i % 3 == 1:
            del z
    return total


print(delete_then_load(40)[-6:])
print(deleted_parameter(3, 30))
print(bound_on_some_iterations(60)[-20:])
print(loop_carried_delete(95))
print(load_before_store(30))
