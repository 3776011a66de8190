# Format spec mini-language on ints and strings: width, fill, align, sign, grouping, types.
for v in (0, 7, -7, 1234567, -1234567):
    print(f'[{v:8}] [{v:<8}] [{v:^8}] [{v:=+8}] [{v:08}] [{v:,}] [{v:_}] [{v:+}] [{v: }]')
for s in ('', 'a', 'hello'):
    print(f'[{s:5}] [{s:>5}] [{s:^5}] [{s:.2}] [{s:x<4}] [{s!r:>9}]')
print(f'{65:c} {255:08b} {255:_b} {0xABCDEF:_x} {10:%} {0.25:.0%} {12:e}')
print(format('text', '^10'), format(3, '*>4'), format(-3, '0>4'), format(True, '>5'), format(None, ''), f'{str(None):>5}')
