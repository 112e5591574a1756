"""Rebuild rules/Newsroom/data/reporting_verbs.tsv: the verbs of a reporter's own work, every form.

    python scripts/build_reporting_verbs.py [--mirror /work/.mirror] [--out rules/Newsroom/data/reporting_verbs.tsv]

"We contacted the ministry", "the documents were shared with us", "a spokesman told us": in
third-person copy a "we" or "us" that contacts, asks, is told, searches or obtains is the
newsroom speaking, a slip. Newsroom.FirstPerson uses this table to tell that "we" from the
"we" of people in general ("the air we breathe"), which is no slip.

The verbs come from VerbNet 3 (Kipper Schuler et al., University of Colorado Boulder; free
to use, copy, modify and distribute with its notice), as NLTK's data package ships it
(github nltk/nltk_data, `packages/corpora/verbnet3.zip`), by class:

* verbs of communication (37.*): asking, interrogating, telling, talking, saying,
  phoning and e-mailing, explaining;
* verbs of searching and investigating (35.2, 35.4);
* verbs of obtaining (13.5.2);
* verbs of correspondence (36.1).

Verbs of discovering (84: find, see, hear, learn, solve) are left out: on published
blogs and features they are the "we" of a writer thinking aloud ("we've heard the phrase",
"we solved the issue"), far more often than a newsroom at work.

Verbs of manner of speaking (37.3: mutter, shout), complaining, promising and
overstating are left out: a newsroom does not do those in its own copy. Multi-word
members and a few light verbs that mean anything ("go", "make", "get") are left out too.
Each verb is written with its inflections (-s, -ed, -ing, and irregular pasts).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MIRROR = Path(os.environ.get("NEWSLINT_MIRROR", "/work/.mirror"))
DEFAULT_OUT = ROOT / "rules" / "Newsroom" / "data" / "reporting_verbs.tsv"
REPO = "nltk/nltk_data"
MEMBER = "packages/corpora/verbnet3.zip"

CLASSES = ("37.1", "37.2", "37.4", "37.5", "37.6", "37.7", "35.2", "35.4", "13.5.2", "36.1")
# Members that say nothing about reporting on their own ("go", "make") or are mostly another word.
LIGHT = frozenset("""go go_like be_like continue make get show sign signal shop drag dive sweep watch pose
    read add hit ring buzz exact source picket tap test tour wire satellite modem radio
    semaphore netmail sniff snitch breast collide rake dredge quarry nose troll""".split())
IRREGULAR = {
    "say": ["said"], "tell": ["told"], "speak": ["spoke", "spoken"], "write": ["wrote", "written"],
    "find": ["found"], "hear": ["heard"], "see": ["saw", "seen"], "teach": ["taught"],
    "seek": ["sought"], "learn": ["learned", "learnt"], "broadcast": ["broadcast"],
    "telecast": ["telecast"], "buy": ["bought"], "dig": ["dug"], "catch": ["caught"],
}
# VerbNet files "contact" only under physical touching, "confirm" only under indicating (78, "the results
# confirm the theory"), "seek" under hunting (35.1, with "fish" and "mine") and "request" under begging
# (58.2, with "plead"); the newsroom's "contacted for comment", "could not independently confirm", "is
# seeking comment" and "requested an interview" are the verbs added by hand.
ADDED = {"contact": "newsroom", "confirm": "newsroom", "seek": "newsroom", "request": "newsroom"}
VOWELS = "aeiou"


def inflections(verb: str) -> list[str]:
    """The verb's forms: regular endings by English spelling rules, plus the irregular past."""
    forms = {verb}
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(verb + "es")
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        forms.add(verb[:-1] + "ies")
    else:
        forms.add(verb + "s")
    if verb.endswith("e"):
        past, ing = verb + "d", verb[:-1] + "ing"
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif (len(verb) <= 4 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS
          and verb[-3] not in VOWELS):  # one short syllable: chat -> chatted, probe stays
        past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    forms.add(ing)
    forms.update(IRREGULAR.get(verb, [past]))
    return sorted(forms)


def read_zip(mirror: Path) -> bytes:
    git_dir = next((p for p in (mirror / REPO.replace("/", "+")).glob("**/HEAD")), None)
    if git_dir is None:
        sys.exit(f"no snapshot of {REPO} under {mirror}: fetch github:{REPO} with the search tool's fetch")
    out = subprocess.run(["git", "--git-dir", str(git_dir.parent), "show", f"HEAD:{MEMBER}"],
                         capture_output=True, check=False)
    if out.returncode != 0 or not out.stdout:
        sys.exit(f"{REPO} has no {MEMBER} (or it is absent from the snapshot)")
    return out.stdout


def verbs(data: bytes) -> dict[str, str]:
    """verb -> the VerbNet class it was taken from (the first, by class name)."""
    found: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".xml"):
                continue
            cls = Path(name).stem
            number = cls.split("-", 1)[1] if "-" in cls else ""
            if not any(number == c or number.startswith(c + ".") or number.startswith(c + "-") for c in CLASSES):
                continue
            for member in ET.parse(z.open(name)).iter("MEMBER"):
                verb = member.get("name", "")
                if verb and "_" not in verb and verb not in LIGHT:
                    found.setdefault(verb, cls)
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    table = verbs(read_zip(args.mirror)) | ADDED
    lines = ["# Verbs of a reporter's own work and their forms, from VerbNet 3 (University of Colorado",
             "# Boulder; see scripts/build_reporting_verbs.py). Rebuild with that script; do not edit.",
             "# form\tverb\tVerbNet class"]
    rows = sorted({(f, verb, cls) for verb, cls in table.items() for form in inflections(verb)
                   for f in {form, form.replace("-", "")}})  # e-mailed, emailed
    lines += [f"{form}\t{verb}\t{cls}" for form, verb, cls in rows]
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"{len(table)} verbs, {len(rows)} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
