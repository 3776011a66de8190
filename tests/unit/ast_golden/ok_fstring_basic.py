f"a{x}b{y!r}c{z!s:>{w}}d{{e}}"
f"{x!a}"
f""
f"plain"
