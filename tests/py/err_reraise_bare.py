# A bare raise re-raises the caught exception to the top level.
try:
    {}['gone']
except KeyError:
    print('logged, re-raising')
    raise
