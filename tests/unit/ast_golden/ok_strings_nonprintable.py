s = "\x00\x1f\x7f\x80\xa0\xad\u200b\u2028\ue000\ufeff\U000e0001"
