# Word frequency over a text literal: normalisation, counting, ranking with tie-breaks.
TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way.
"""


def words(text):
    cleaned = ''.join(c.lower() if c.isalpha() else ' ' for c in text)
    return cleaned.split()


counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:10]:
    print(f'{word:<12}{n:>3} {"#" * n}')
print(len(counts), sum(counts.values()), [w for w, n in ranked if n == 1][:8])
by_len = {}
for w in counts:
    by_len.setdefault(len(w), []).append(w)
for k in sorted(by_len):
    print(k, sorted(by_len[k]))
