# KeyboardInterrupt raised manually and left uncaught (CPython then exits via SIGINT).
print('simulating Ctrl-C')
raise KeyboardInterrupt
