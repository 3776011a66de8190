# sys.exit('message') prints the message to stderr and exits with status 1.
import sys
print('about to fail')
sys.exit('fatal: configuration missing')
