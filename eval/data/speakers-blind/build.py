"""Build articles.jsonl from the marked-up sources in src/.

Each source file: header lines `id: ...`, `people: A; B; ...`, `alias: KEY=Full name` (one per
speaker, person or organisation), then a line `---` and the article. In the article a quote is
marked `<qN KEY verb>text</q>` (verb `-` when none, `_` for a space) and the words naming its
speaker `<sN>words</s>`; the marks are removed and their offsets kept. Rerun after any edit:
`python eval/data/speakers-blind/build.py [SET FOLDER]` (default: this folder; the second blind set
uses it too: `python eval/data/speakers-blind/build.py eval/data/speakers-blind-2`).
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"<q(\d+) (\S+) (\S+)>|</q>|<s(\d+)>|</s>")


def parse_header(lines):
    header = {"alias": {}}
    for line in lines:
        key, _, value = line.partition(":")
        value = value.strip()
        if key == "alias":
            short, _, full = value.partition("=")
            header["alias"][short.strip()] = full.strip()
        elif key == "people":
            header["people"] = [p.strip() for p in value.split(";") if p.strip()]
        else:
            header[key.strip()] = value
    return header


def strip_marks(body, aliases, name):
    """Return the plain text and the quotes with their offsets into it."""
    text, quotes, speakers, open_quote, open_speaker = [], {}, {}, None, None
    cursor, length = 0, 0
    for m in MARK.finditer(body):
        chunk = body[cursor:m.start()]
        text.append(chunk)
        length += len(chunk)
        cursor = m.end()
        if m.group(1):
            assert open_quote is None, f"{name}: nested quote at {m.group(0)}"
            open_quote = (int(m.group(1)), m.group(2), m.group(3), length)
        elif m.group(0) == "</q>":
            number, key, verb, start = open_quote
            assert number not in quotes, f"{name}: quote {number} twice"
            assert key in aliases, f"{name}: unknown alias {key}"
            verb = "" if verb == "-" else verb.replace("_", " ")
            quotes[number] = (aliases[key], verb, start, length)
            open_quote = None
        elif m.group(4):
            open_speaker = (int(m.group(4)), length)
        else:
            number, start = open_speaker
            speakers[number] = (start, length)
            open_speaker = None
    text.append(body[cursor:])
    assert open_quote is None and open_speaker is None, f"{name}: unclosed mark"
    assert not set(speakers) - set(quotes), f"{name}: speaker without quote {set(speakers) - set(quotes)}"
    return "".join(text), quotes, speakers


def build_article(path):
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    header = parse_header(head.splitlines())
    rawtext, quotes, speakers = strip_marks(body.strip("\n"), header["alias"], path.name)
    records = []
    for number in sorted(quotes, key=lambda n: quotes[n][2]):
        reference, verb, start, end = quotes[number]
        span = speakers.get(number)
        records.append({
            "quote": rawtext[start:end],
            "speaker": rawtext[span[0]:span[1]] if span else "",
            "reference": reference,
            "verb": verb,
            "quote_span_rawtext": [start, end],
            "speaker_span_rawtext": list(span) if span else None,
        })
    return {"id": header["id"], "outlet": "fictional", "url": "", "rawtext": rawtext,
            "people": header["people"], "quotes": records}


def main(folder: Path = HERE):
    articles = [build_article(p) for p in sorted((folder / "src").glob("*.txt"))]
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {sum(len(a['quotes']) for a in articles)} quotes", file=sys.stderr)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else HERE)
