# dict/str workload: generate text from a vocabulary with a linear congruential generator, split and count
# words in a dict, build strings with join and concatenation, format a report with %, str.format and
# f-strings, and fingerprint it. str and dict methods rather than arithmetic.
import sys

SYLLABLES = ["ka", "ri", "to", "mu", "sen", "la", "vor", "pe", "xi", "dan", "ol", "be", "qua", "ny", "st"]


def make_vocabulary(size):
    words = []
    for i in range(size):
        w = ""
        k = i + 7
        while True:
            w += SYLLABLES[k % len(SYLLABLES)]
            k //= len(SYLLABLES)
            if k == 0:
                break
        words.append(w.capitalize() if i % 11 == 0 else w)
    return words


def make_text(vocabulary, n_words, seed):
    # Zipf-like choice: small indices are much more frequent.
    lines = []
    line = []
    state = seed
    for i in range(n_words):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        r = state % 1000
        idx = (r * r * r) // 1000000 * len(vocabulary) // 1000
        word = vocabulary[idx]
        if state & 0x700 == 0:
            word += ","
        elif state & 0xF00 == 0x100:
            word += "."
        line.append(word)
        if len(line) >= 12:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def count_words(text):
    counts = {}
    for line in text.split("\n"):
        for raw in line.split():
            word = raw.strip(",.").lower()
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def report(counts, top):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(counts.values())
    out = ["%d distinct words, %d in all" % (len(counts), total)]
    for rank, (word, n) in enumerate(ranked[:top], 1):
        share = 100.0 * n / total
        out.append(f"{rank:3d}. {word:<14}{n:7d} {share:6.2f}%")
    by_letter = {}
    for word, n in ranked:
        key = word[0].upper()
        by_letter[key] = by_letter.get(key, 0) + n
    out.append(", ".join("{}={}".format(k, v) for k, v in sorted(by_letter.items())))
    lengths = {}
    for word in counts:
        lengths.setdefault(len(word), []).append(word)
    for length in sorted(lengths):
        group = sorted(lengths[length])
        out.append("len %2d: %4d words, first %s, last %s" % (length, len(group), group[0], group[-1]))
    return "\n".join(out)


def fingerprint(s):
    h = 0
    for ch in s:
        h = (h * 257 + ord(ch)) % 4294967291
    return h


def main(rounds):
    vocabulary = make_vocabulary(800)
    digest = 0
    for r in range(rounds):
        text = make_text(vocabulary, 20000, 12345 + r)
        counts = count_words(text)
        rep = report(counts, 20)
        digest = (digest * 31 + fingerprint(rep)) % 4294967291
        if r == 0:
            print("\n".join(rep.split("\n")[:6]))
    print("%d rounds: digest %d, last report %d chars" % (rounds, digest, len(rep)))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 70)
