# rsplit() splits from the right when maxsplit is given.
print('a b c d'.rsplit(), 'a b c d'.rsplit(' ', 1), 'a b c d'.rsplit(None, 2))
print('path/to/file.txt'.rsplit('/', 1), 'file.tar.gz'.rsplit('.', 1), 'noext'.rsplit('.', 1))
print('  a  b  '.rsplit(None, 1), ',,a,,'.rsplit(','), 'a-b-c'.rsplit('-', 0))
