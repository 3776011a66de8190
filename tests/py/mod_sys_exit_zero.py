# sys.exit(0) and sys.exit(None) end the program with status 0; finally blocks still run.
import sys
print('before exit')
try:
    sys.exit(0)
except SystemExit as e:
    print('caught SystemExit', e.code, repr(e.args))
try:
    sys.exit()
except SystemExit as e:
    print('no-arg code', e.code)
try:
    print('in try')
    sys.exit(None)
finally:
    print('finally runs')
print('never printed')
