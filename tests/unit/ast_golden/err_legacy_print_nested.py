return a print - b
