f"""
{x
+ y}
"""
f"""{
  x  # comment
}"""
