x = "a" f"b{x}" "c" f"" u"d"
y = f"{a}" "" f"{b}"
z = "" f"" ""
