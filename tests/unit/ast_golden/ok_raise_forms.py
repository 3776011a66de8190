raise
raise E
raise E(1) from None
