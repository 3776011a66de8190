rf"\n{x}\d"
fr'{x}\t'
RF"{x}\\"
