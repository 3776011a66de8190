s = "it's"
t = 'say "hi"'
u = 'both \' and "'
