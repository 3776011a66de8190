# Formatting a report table with computed column widths, alignment and totals.
rows = [
    ('Widget', 12, 3.5),
    ('Gadget extra long name', 3, 125.0),
    ('Thingamajig', 100, 0.99),
    ('Doohickey', 7, 14.25),
]
headers = ('Item', 'Qty', 'Unit', 'Total')
table = [(name, str(q), f'{p:.2f}', f'{q * p:,.2f}') for name, q, p in rows]
widths = [max(len(h), *(len(r[i]) for r in table)) for i, h in enumerate(headers)]
sep = '+' + '+'.join('-' * (w + 2) for w in widths) + '+'


def line(cells, aligns):
    out = []
    for cell, w, a in zip(cells, widths, aligns):
        out.append(' ' + (cell.ljust(w) if a == '<' else cell.rjust(w)) + ' ')
    return '|' + '|'.join(out) + '|'


print(sep)
print(line(headers, '<<<<'))
print(sep)
for r in table:
    print(line(r, '<>>>'))
print(sep)
grand = sum(q * p for _, q, p in rows)
print(line(('TOTAL', str(sum(q for _, q, _ in rows)), '', f'{grand:,.2f}'), '<>>>'))
print(sep)
