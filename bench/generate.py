#!/usr/bin/env python3
"""Generates a synthetic dossier for the benchmark: N notes (~8 KB of realistic GFM each, with front matter),
N/10 raw scraped articles with boilerplate, over a few dozen topics. The same N always gives the same files."""
import os
import random
import sys

TOPICS = [
    ("Kursk", ["Kursk region", "Kursk oblast"]), ("Sudzha", ["Sudja"]), ("Pokrovsk", []), ("Dobropillia", ["Dobropillya"]),
    ("Sumy", []), ("Kyiv", ["Kiev"]), ("Volodymyr Zelensky", ["Zelensky", "Zelenskyy", "Zelenskiy"]),
    ("Vladimir Putin", ["Putin"]), ("Donald Trump", ["Trump"]), ("Oleksandr Syrskyi", ["Syrskyi"]),
    ("Valery Gerasimov", ["Gerasimov"]), ("Cease-fire and talks", ["ceasefire", "cease-fire"]),
    ("US military aid", ["military aid"]), ("North Korean troops", ["North Korean"]), ("Drones", ["drone", "drones"]),
    ("Prisoners and losses", ["prisoners"]), ("Kramatorsk", []), ("Sloviansk", ["Slovyansk"]), ("Belgorod", []),
    ("Kharkiv", []), ("Zaporizhzhia", []), ("Kherson", []), ("Donetsk", []), ("Luhansk", []), ("Crimea", []),
    ("Black Sea", []), ("Air defence", ["Patriot"]), ("Glide bombs", ["glide bomb"]), ("Logistics", ["supply road"]),
    ("Sanctions", []), ("Energy", ["power grid"]), ("Mobilisation", ["conscription"]),
]
WORDS = ("the front line supply road drone strike brigade village district counter-offensive withdrawal "
         "artillery position report claim monitor estimate territory river bridge forest highway command "
         "reserve battalion assault defence advance retreat pressure corridor salient map figure source").split()


def slug(name):
    out, dash = "", False
    for ch in name.lower():
        if ch.isalnum():
            if dash and out:
                out += "-"
            out, dash = out + ch, False
        elif ch != "'":
            dash = True
    return out


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    topic = rng.choice(TOPICS)
    words.insert(rng.randrange(len(words)), rng.choice([topic[0]] + topic[1]))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, n=4):
    parts = []
    for _ in range(n):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.15:
            s = s.replace(" ", " **", 1).replace(" ", "** ", 2).replace("** ", " ", 1)
        elif roll < 0.25:
            w = rng.choice(WORDS)
            s = s.replace(" " + w + " ", " ~~" + w + "~~ ", 1)
        elif roll < 0.35:
            s += " See [the report](https://example.org/%d)." % rng.randint(1, 10**6)
        parts.append(s)
    return " ".join(parts)


def note_body(rng, i, n_articles):
    out = []
    while sum(len(p) for p in out) < 7600:
        kind = rng.random()
        if kind < 0.12:
            out.append("## " + sentence(rng)[:-1])
        elif kind < 0.22:
            out.append("\n".join("- " + sentence(rng) for _ in range(rng.randint(3, 6))))
        elif kind < 0.28:
            out.append("\n".join("- [%s] %s" % (rng.choice(" x"), sentence(rng)) for _ in range(3)))
        elif kind < 0.36:
            rows = ["| Date | km² | Claimant |", "|---|---:|---|"]
            for _ in range(rng.randint(3, 6)):
                rows.append("| 2024-%02d-%02d | %d | %s |" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 1400), rng.choice(WORDS)))
            out.append("\n".join(rows))
        elif kind < 0.42 and n_articles:
            out.append("As [one article reports](../articles/a%05d/#p1), %s" % (rng.randrange(n_articles), sentence(rng).lower()))
        elif kind < 0.46:
            out.append("> " + paragraph(rng, 2))
        else:
            out.append(paragraph(rng))
    return "\n\n".join(out) + "\n"


def article_text(rng, i):
    headline = sentence(rng)[:-1]
    lines = ["• Home/", "  • World/", "logo", headline, "", headline, "Daily %s%d hours ago" % ("ABCDEFG"[i % 7], rng.randint(1, 23))]
    for k in range(rng.randint(8, 14)):
        lines.append(paragraph(rng, rng.randint(2, 5)))
        if k == 3:
            lines.append("Advertisement · Scroll to continue")
    lines += ["Comments", "No comments yet...", "Related Articles", sentence(rng), paragraph(rng), "DOWNLOAD THE APP"]
    return "\n".join(lines) + "\n"


def generate(root, n):
    rng = random.Random(20240806 + n)
    n_articles = max(1, n // 10)
    os.makedirs(os.path.join(root, "content", "notes"), exist_ok=True)
    os.makedirs(os.path.join(root, "content", "articles"), exist_ok=True)
    with open(os.path.join(root, "content", "topics.yml"), "w") as f:
        for name, aliases in TOPICS:
            f.write("- name: %s\n" % name)
            if aliases:
                f.write("  aliases: [%s]\n" % ", ".join(aliases))
    for i in range(n_articles):
        with open(os.path.join(root, "content", "articles", "a%05d.txt" % i), "w") as f:
            f.write("---\ndate: 2025-%02d-%02d\n---\n" % (i % 12 + 1, i % 28 + 1) + article_text(rng, i))
    for i in range(n):
        topics = rng.sample(TOPICS, rng.randint(1, 4))
        sources = sorted({"a%05d" % rng.randrange(n_articles) for _ in range(rng.randint(0, 3))})
        front = ("---\ntitle: \"Note %d: %s\"\ndate: 2025-%02d-%02d\ntopics: [%s]\nsummary: %s\nsources: [%s]\n---\n"
                 % (i, sentence(rng)[:60], i % 12 + 1, i % 28 + 1, ", ".join(t[0] for t in topics), sentence(rng),
                    ", ".join(sources)))
        with open(os.path.join(root, "content", "notes", "n%06d.md" % i), "w") as f:
            f.write(front + note_body(rng, i, n_articles))
    with open(os.path.join(root, "content", "territory.csv"), "w") as f:
        f.write("date,area_km2,claimant,side,method,source,quote,primary,note\n")
        for k in range(12):
            area = 1300 - k * 100
            f.write("2024-%02d-12,%d,Claimant %d,%s,claimed,https://example.org/report/%d,Claimant %d said %d km2 are held.,,\n"
                    % (k % 12 + 1, area, k % 4, ["Ukraine", "Russia", "independent"][k % 3], k, k % 4, area))


def old_territory(root):
    """Rewrites the site's territory.csv in the seven columns dossier read before figures carried quotes, for a
    reference binary that predates them. The generated rows hold no quoted commas, so a plain split is exact."""
    path = os.path.join(root, "content", "territory.csv")
    with open(path) as f:
        rows = [line.rstrip("\n").split(",") for line in f if line.strip()]
    with open(path, "w") as f:
        f.write("date,area_km2,claimant,side,method,source,note\n")
        for row in rows[1:]:
            f.write(",".join(row[:6]) + ",\n")

if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]))
