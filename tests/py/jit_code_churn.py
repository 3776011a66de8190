# Many loops whose traces go cold and are dropped, then become hot again: 80 functions run in two alternating
# phases, so each phase's traces are swept as cold while the other runs (every 64 installs) and recompiled when it
# comes back. Under -X jit-arena=64 (tests/CMakeLists.txt: jit.code_churn) the JIT's code memory is freed and
# reused over and over, on every target. Written out (not generated at run time) because each function needs a
# code object of its own.

def f0(n):
    t = 0
    for i in range(n):
        t = t + i * 1
        if i % 5 == 0:
            t = t - 0
    return t

def f1(n):
    s = 1.5
    for i in range(n):
        s = s * 0.5 + i / 2
    return round(s, 6)

def f2(n):
    xs = []
    for i in range(n):
        if i & 3:
            xs.append(i ^ 2)
    return sum(xs)

def f3(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 4) % 5 - 0
        i += 1
    return d

def f4(n):
    t = 4
    for i in range(n):
        t = t + i * 5
        if i % 5 == 4:
            t = t - 1
    return t

def f5(n):
    s = 5.5
    for i in range(n):
        s = s * 0.5 + i / 6
    return round(s, 6)

def f6(n):
    xs = []
    for i in range(n):
        if i & 7:
            xs.append(i ^ 6)
    return sum(xs)

def f7(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 1) % 4 - 1
        i += 1
    return d

def f8(n):
    t = 8
    for i in range(n):
        t = t + i * 2
        if i % 5 == 3:
            t = t - 2
    return t

def f9(n):
    s = 9.5
    for i in range(n):
        s = s * 0.5 + i / 3
    return round(s, 6)

def f10(n):
    xs = []
    for i in range(n):
        if i & 4:
            xs.append(i ^ 10)
    return sum(xs)

def f11(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 5) % 3 - 2
        i += 1
    return d

def f12(n):
    t = 12
    for i in range(n):
        t = t + i * 6
        if i % 5 == 2:
            t = t - 0
    return t

def f13(n):
    s = 13.5
    for i in range(n):
        s = s * 0.5 + i / 7
    return round(s, 6)

def f14(n):
    xs = []
    for i in range(n):
        if i & 1:
            xs.append(i ^ 14)
    return sum(xs)

def f15(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 2) % 2 - 0
        i += 1
    return d

def f16(n):
    t = 16
    for i in range(n):
        t = t + i * 3
        if i % 5 == 1:
            t = t - 1
    return t

def f17(n):
    s = 17.5
    for i in range(n):
        s = s * 0.5 + i / 4
    return round(s, 6)

def f18(n):
    xs = []
    for i in range(n):
        if i & 5:
            xs.append(i ^ 18)
    return sum(xs)

def f19(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 6) % 6 - 1
        i += 1
    return d

def f20(n):
    t = 20
    for i in range(n):
        t = t + i * 7
        if i % 5 == 0:
            t = t - 2
    return t

def f21(n):
    s = 21.5
    for i in range(n):
        s = s * 0.5 + i / 1
    return round(s, 6)

def f22(n):
    xs = []
    for i in range(n):
        if i & 2:
            xs.append(i ^ 22)
    return sum(xs)

def f23(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 3) % 5 - 2
        i += 1
    return d

def f24(n):
    t = 24
    for i in range(n):
        t = t + i * 4
        if i % 5 == 4:
            t = t - 0
    return t

def f25(n):
    s = 25.5
    for i in range(n):
        s = s * 0.5 + i / 5
    return round(s, 6)

def f26(n):
    xs = []
    for i in range(n):
        if i & 6:
            xs.append(i ^ 26)
    return sum(xs)

def f27(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 7) % 4 - 0
        i += 1
    return d

def f28(n):
    t = 28
    for i in range(n):
        t = t + i * 1
        if i % 5 == 3:
            t = t - 1
    return t

def f29(n):
    s = 29.5
    for i in range(n):
        s = s * 0.5 + i / 2
    return round(s, 6)

def f30(n):
    xs = []
    for i in range(n):
        if i & 3:
            xs.append(i ^ 30)
    return sum(xs)

def f31(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 4) % 3 - 1
        i += 1
    return d

def f32(n):
    t = 32
    for i in range(n):
        t = t + i * 5
        if i % 5 == 2:
            t = t - 2
    return t

def f33(n):
    s = 33.5
    for i in range(n):
        s = s * 0.5 + i / 6
    return round(s, 6)

def f34(n):
    xs = []
    for i in range(n):
        if i & 7:
            xs.append(i ^ 34)
    return sum(xs)

def f35(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 1) % 2 - 2
        i += 1
    return d

def f36(n):
    t = 36
    for i in range(n):
        t = t + i * 2
        if i % 5 == 1:
            t = t - 0
    return t

def f37(n):
    s = 37.5
    for i in range(n):
        s = s * 0.5 + i / 3
    return round(s, 6)

def f38(n):
    xs = []
    for i in range(n):
        if i & 4:
            xs.append(i ^ 38)
    return sum(xs)

def f39(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 5) % 6 - 0
        i += 1
    return d

def f40(n):
    t = 40
    for i in range(n):
        t = t + i * 6
        if i % 5 == 0:
            t = t - 1
    return t

def f41(n):
    s = 41.5
    for i in range(n):
        s = s * 0.5 + i / 7
    return round(s, 6)

def f42(n):
    xs = []
    for i in range(n):
        if i & 1:
            xs.append(i ^ 42)
    return sum(xs)

def f43(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 2) % 5 - 1
        i += 1
    return d

def f44(n):
    t = 44
    for i in range(n):
        t = t + i * 3
        if i % 5 == 4:
            t = t - 2
    return t

def f45(n):
    s = 45.5
    for i in range(n):
        s = s * 0.5 + i / 4
    return round(s, 6)

def f46(n):
    xs = []
    for i in range(n):
        if i & 5:
            xs.append(i ^ 46)
    return sum(xs)

def f47(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 6) % 4 - 2
        i += 1
    return d

def f48(n):
    t = 48
    for i in range(n):
        t = t + i * 7
        if i % 5 == 3:
            t = t - 0
    return t

def f49(n):
    s = 49.5
    for i in range(n):
        s = s * 0.5 + i / 1
    return round(s, 6)

def f50(n):
    xs = []
    for i in range(n):
        if i & 2:
            xs.append(i ^ 50)
    return sum(xs)

def f51(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 3) % 3 - 0
        i += 1
    return d

def f52(n):
    t = 52
    for i in range(n):
        t = t + i * 4
        if i % 5 == 2:
            t = t - 1
    return t

def f53(n):
    s = 53.5
    for i in range(n):
        s = s * 0.5 + i / 5
    return round(s, 6)

def f54(n):
    xs = []
    for i in range(n):
        if i & 6:
            xs.append(i ^ 54)
    return sum(xs)

def f55(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 7) % 2 - 1
        i += 1
    return d

def f56(n):
    t = 56
    for i in range(n):
        t = t + i * 1
        if i % 5 == 1:
            t = t - 2
    return t

def f57(n):
    s = 57.5
    for i in range(n):
        s = s * 0.5 + i / 2
    return round(s, 6)

def f58(n):
    xs = []
    for i in range(n):
        if i & 3:
            xs.append(i ^ 58)
    return sum(xs)

def f59(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 4) % 6 - 2
        i += 1
    return d

def f60(n):
    t = 60
    for i in range(n):
        t = t + i * 5
        if i % 5 == 0:
            t = t - 0
    return t

def f61(n):
    s = 61.5
    for i in range(n):
        s = s * 0.5 + i / 6
    return round(s, 6)

def f62(n):
    xs = []
    for i in range(n):
        if i & 7:
            xs.append(i ^ 62)
    return sum(xs)

def f63(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 1) % 5 - 0
        i += 1
    return d

def f64(n):
    t = 64
    for i in range(n):
        t = t + i * 2
        if i % 5 == 4:
            t = t - 1
    return t

def f65(n):
    s = 65.5
    for i in range(n):
        s = s * 0.5 + i / 3
    return round(s, 6)

def f66(n):
    xs = []
    for i in range(n):
        if i & 4:
            xs.append(i ^ 66)
    return sum(xs)

def f67(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 5) % 4 - 1
        i += 1
    return d

def f68(n):
    t = 68
    for i in range(n):
        t = t + i * 6
        if i % 5 == 3:
            t = t - 2
    return t

def f69(n):
    s = 69.5
    for i in range(n):
        s = s * 0.5 + i / 7
    return round(s, 6)

def f70(n):
    xs = []
    for i in range(n):
        if i & 1:
            xs.append(i ^ 70)
    return sum(xs)

def f71(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 2) % 3 - 2
        i += 1
    return d

def f72(n):
    t = 72
    for i in range(n):
        t = t + i * 3
        if i % 5 == 2:
            t = t - 0
    return t

def f73(n):
    s = 73.5
    for i in range(n):
        s = s * 0.5 + i / 4
    return round(s, 6)

def f74(n):
    xs = []
    for i in range(n):
        if i & 5:
            xs.append(i ^ 74)
    return sum(xs)

def f75(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 6) % 2 - 0
        i += 1
    return d

def f76(n):
    t = 76
    for i in range(n):
        t = t + i * 7
        if i % 5 == 1:
            t = t - 1
    return t

def f77(n):
    s = 77.5
    for i in range(n):
        s = s * 0.5 + i / 1
    return round(s, 6)

def f78(n):
    xs = []
    for i in range(n):
        if i & 2:
            xs.append(i ^ 78)
    return sum(xs)

def f79(n):
    d = 0
    i = 0
    while i < n:
        d += (i * 3) % 6 - 1
        i += 1
    return d


FUNCS = [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38, f39, f40, f41, f42, f43, f44, f45, f46, f47, f48, f49, f50, f51, f52, f53, f54, f55, f56, f57, f58, f59, f60, f61, f62, f63, f64, f65, f66, f67, f68, f69, f70, f71, f72, f73, f74, f75, f76, f77, f78, f79]

total = 0
for rnd in range(4):
    for phase in (FUNCS[:40], FUNCS[40:]):
        for f in phase:
            r = f(30 + rnd)
            total += int(r)
        print(rnd, total)
