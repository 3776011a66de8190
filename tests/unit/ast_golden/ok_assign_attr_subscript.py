obj.attr = d[k] = v
x.y.z[1][2] = 3
