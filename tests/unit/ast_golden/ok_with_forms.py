with a: pass
with a as b, c as (d, e): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (a): pass
with (a, b): pass
with (): pass
with a as b.c, d as e[0]: pass
