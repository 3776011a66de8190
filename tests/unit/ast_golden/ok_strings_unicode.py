s = "héllo wörld ñ 中文 😀"
