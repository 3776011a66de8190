print_ = 1
not_ = 2
if_ = 3
None_ = 4
