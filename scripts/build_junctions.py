"""Rebuild rules/Newsroom/data/junctions.tsv: how often one function word follows another in English.

    python scripts/build_junctions.py [--mirror /work/.mirror] [--out rules/Newsroom/data/junctions.tsv]

"the of", "a with" and "of to" are all but impossible in published English; they
are what is left when a chunk is cut out of a sentence. Newsroom.Fragment's
`junction` kind asks this table whether two adjacent function words ever meet.

Counted from treebanks (a word's part of speech decides whether it is a
function word), read from public snapshots with git:

* GUM, the Georgetown University Multilayer corpus (github amir-zeldes/gum,
  `dep/*.conllu`): every genre except `news` (Wikinews, which newslint measures
  false alarms on) and `reddit` (its text is not distributed);
* UD English EWT (github UniversalDependencies/UD_English-EWT, CC BY-SA 4.0):
  the dev and test files (train is over the snapshot's size limit);
* for more pairs (raw text, public domain): US presidents' State of the Union
  addresses 1945-2006 and inaugural addresses, as NLTK's data packages ship
  them (github nltk/nltk_data, `packages/corpora/state_union.zip`,
  `inaugural.zip`). Their words count towards pairs and frequencies; which
  words are function words is decided by the treebanks alone.

One document in five (by a hash of its name) is held out and not counted:
`--held-out-report` checks how many adjacent pairs in the held-out text the
table calls improbable (every one is a false alarm: the treebank is clean).

The table keeps only counts (word frequencies and pair frequencies), not text.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import subprocess
import zipfile
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "Newsroom" / "data" / "junctions.tsv"
FUNCTION_POS = {"DET", "ADP", "AUX", "PRON", "CCONJ", "SCONJ", "PART"}
MIN_COUNT = 30  # a function word must be seen this often to be in the table
SOURCES = {
    "amir-zeldes+gum": lambda name: name.startswith("dep/") and name.endswith(".conllu")
    and not any(g in name for g in ("_news_", "_reddit_")),
    "UniversalDependencies+UD_English-EWT": lambda name: name in ("en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"),
}


RAW = {"nltk+nltk_data": ("packages/corpora/state_union.zip", "packages/corpora/inaugural.zip")}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|[^\w\s]")


def _git_dir(mirror: Path, repo: str) -> Path | None:
    """The snapshot's git directory, or None after saying which repository to fetch."""
    git = next(iter(sorted((mirror / repo).glob("*"))), None) if (mirror / repo).is_dir() else None
    if git is None:
        print(f"missing snapshot: fetch github:{repo.replace('+', '/')}", file=sys.stderr)
    return git


def raw_texts(mirror: Path):
    """(name, text) of every plain-text speech."""
    for repo, zips in RAW.items():
        git = _git_dir(mirror, repo)
        if git is None:
            continue
        for z in zips:
            data = subprocess.run(["git", "--git-dir", str(git), "show", f"HEAD:{z}"], capture_output=True).stdout
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in sorted(archive.infolist(), key=lambda i: i.filename):
                    if info.filename.endswith(".txt") and "README" not in info.filename:
                        yield f"{repo}/{info.filename}", archive.read(info).decode("utf-8", errors="replace")


def raw_documents(mirror: Path):
    """(name, [tokens]) of every plain-text speech: words and punctuation marks, lower-cased."""
    for name, text in raw_texts(mirror):
        yield name, [t.lower() for t in _WORD.findall(text)]


def held_out(name: str) -> bool:
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 5 == 0


def documents(mirror: Path):
    """(name, conllu text) of every source document."""
    for repo, wanted in SOURCES.items():
        git = _git_dir(mirror, repo)
        if git is None:
            continue
        names = subprocess.run(["git", "--git-dir", str(git), "ls-tree", "-r", "--name-only", "HEAD"],
                               capture_output=True, text=True, check=True).stdout.split()
        for name in sorted(n for n in names if wanted(n)):
            text = subprocess.run(["git", "--git-dir", str(git), "show", f"HEAD:{name}"], capture_output=True, text=True)
            if text.returncode == 0:
                yield f"{repo}/{name}", text.stdout


def sentences(conllu: str):
    """Each sentence as a list of (lower-case form, UPOS); multiword-token lines are skipped."""
    sent: list[tuple[str, str]] = []
    for line in conllu.splitlines():
        if not line.strip():
            if sent:
                yield sent
            sent = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) > 3 and cols[0].isdigit():
                sent.append((cols[1].lower(), cols[3]))
    if sent:
        yield sent


def count(docs) -> tuple[Counter, Counter, Counter, int]:
    words, pos, pairs, total = Counter(), Counter(), Counter(), 0
    for _, text in docs:
        for sent in sentences(text):
            for i, (form, upos) in enumerate(sent):
                words[form] += 1
                pos[(form, upos)] += 1
                total += 1
                if i + 1 < len(sent) and upos != "PUNCT" and sent[i + 1][1] != "PUNCT":
                    pairs[(form, sent[i + 1][0])] += 1
    return words, pos, pairs, total


def function_words(words: Counter, pos: Counter) -> set[str]:
    """Words seen often enough whose most frequent part of speech is a closed class."""
    best: dict[str, tuple[int, str]] = {}
    for (form, upos), n in pos.items():
        if n > best.get(form, (0, ""))[0]:
            best[form] = (n, upos)
    return {w for w, (_, upos) in best.items() if upos in FUNCTION_POS and words[w] >= MIN_COUNT and w.isalpha()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    docs = list(documents(args.mirror))
    if not docs:
        sys.exit(2)
    train = [d for d in docs if not held_out(d[0])]
    words, pos, pairs, total = count(train)
    fw = function_words(words, pos)
    raw = [d for d in raw_documents(args.mirror) if not held_out(d[0])]
    for _, tokens in raw:
        for a, b in zip(tokens, tokens[1:]):
            if a.isalpha() and b.isalpha():
                pairs[(a, b)] += 1
        for t in tokens:
            if t[0].isalpha():
                words[t] += 1
                total += 1
    train += raw
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(f"# Function-word junctions: built by scripts/build_junctions.py from {len(train)} treebank documents "
                f"(GUM without news and reddit; UD English EWT dev and test, CC BY-SA 4.0; US presidents' addresses, "
                f"public domain), {total} tokens.\n")
        f.write(f"total\t{total}\n")
        for w in sorted(fw):
            f.write(f"word\t{w}\t{words[w]}\n")
        for (a, b), n in sorted(pairs.items()):
            if a in fw and b in fw:
                f.write(f"pair\t{a}\t{b}\t{n}\n")
    tmp.replace(args.out)
    print(f"{args.out}: {len(fw)} function words, {sum(1 for (a, b) in pairs if a in fw and b in fw)} pairs, "
          f"{total:,} tokens from {len(train)} documents (one in five held out)")


if __name__ == "__main__":
    main()
