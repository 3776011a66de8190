first, *rest = items
*init, last = items
