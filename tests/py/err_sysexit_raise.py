# raise SystemExit(7) behaves like sys.exit(7); finally blocks run first.
try:
    print('in try')
    raise SystemExit(7)
finally:
    print('cleanup')
