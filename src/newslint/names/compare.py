"""How two spellings of a name compare: normalisation, a transliteration key, a consonant skeleton.

Plain edit distance says "Smith" and "Smyth", "Iran" and "Iraq", "Austria" and
"Australia" are all one letter apart; only some of those are one name spelled
two ways. The comparison here works on two reductions of a name:

* `key`: the spelling with the differences transliteration makes folded away:
  accents, case, hyphens and spaces, sch/sh (one sound, kept apart from s), q/k, c/k, ck/k, ph/f, kh/k, gh/g, dh/d,
  y/i, ou/u, oo/u, ee/i, w/v (German and Slavic names: "Wladimir" = "Vladimir"), doubled letters, a silent h after a vowel ("Kahn" =
  "Khan") and a dropped final h ("Rafa" = "Rafah").
  Two names with the same key are the same name written two ways.
* `skeleton`: the key's consonants in order (vowels, y and a non-initial h
  dropped): "Karem" and "Kerem" share "krm", "Hanyahu" and "Haniyeh" share
  "hn". Same skeleton, first letter and a small key distance: a vowel variant.

`variant(a, b)` says how close two single words are: "key" (transliteration
only), "vowels" (vowel changes on the same consonants), "typo" (one letter
dropped, added, changed or swapped in a long name) or None; `inflected` tells
a plural, possessive or demonym of the same name ("Ukraine"/"Ukrainian"). The
callers add the context gates (entity type, first names, titles, frequency,
aliases), reading what is known about single words here:

* the en_US Hunspell dictionary (`common_word`, `dictionary_name`);
* word frequencies from wordfreq when it is installed (optional: `frequency`
  is None without it): `real_word` (a spelling people write, "Thierry") and
  `foreign_word` (a common word of another language, "Banco"; without wordfreq,
  a short list of institutions' words).
"""

from __future__ import annotations

import re
import unicodedata
import math
from collections import Counter
from functools import lru_cache

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
_NOT_LETTER = re.compile(r"[^a-z]+")
_SUBS = (("sch", "x"), ("sh", "x"), ("ph", "f"), ("ck", "k"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("q", "k"), ("c", "k"),
         ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("w", "v"))
_DOUBLE = re.compile(r"(.)\1+")
_SILENT_H = re.compile(r"(?<=[aeiou])h(?=[^aeiou]|$)")
_VOWELS = re.compile(r"[aeiouy]")
# Derivations and inflections: "Israel"/"Israeli", "Kenya"/"Kenyans", "Smith"/"Smiths" are not misspellings.
SUFFIXES = ("s", "es", "i", "is", "ia", "n", "ns", "an", "ans", "ian", "ians", "ese", "ish", "ite", "ites", "ern", "ic")
DEMONYMS = ("ian", "ians", "an", "ans", "ese", "ish")  # after a dropped final vowel or y


def strip_possessive(word: str) -> str:
    """'Rafa’s' -> 'Rafa', "Jones'" -> 'Jones'."""
    if "'" not in word and "’" not in word:
        return word
    return _POSSESSIVE.sub("", word)


def fold(text: str) -> str:
    """Lower case, accents removed: 'Muñoz' -> 'munoz'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise(name: str) -> str:
    """The form two mentions of one name share: folded, possessive off, hyphens as spaces, single spaces."""
    if name.isascii() and "'" not in name:
        return " ".join(name.lower().replace("-", " ").split())
    words = [strip_possessive(w) for w in name.replace("‐", "-").split()]
    return " ".join(fold(" ".join(words)).replace("-", " ").replace("’", "'").split())


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The transliteration key: 'Al-Kahera' and 'Al Qahera' -> 'alkahera'; 'Rafah' and 'Rafa' -> 'rafa'."""
    s = _NOT_LETTER.sub("", fold(strip_possessive(name)))
    for a, b in _SUBS:
        if a in s:
            s = s.replace(a, b)
    s = _DOUBLE.sub(r"\1", s)
    s = _SILENT_H.sub("", s) if len(s) > 3 else s
    return s


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Consonants in order, vowels/y/w/non-initial h dropped: 'Haniyeh' and 'Hanyahu' -> 'hn'."""
    s = _NOT_LETTER.sub("", fold(strip_possessive(name)))
    for a, b in _SUBS:
        s = s.replace(a, b)
    if not s:
        return s
    rest = _VOWELS.sub("", s[1:]).replace("h", "")
    return _DOUBLE.sub(r"\1", s[0] + rest)


def inflected(a: str, b: str) -> bool:
    """True when one word is the other plus a plural, possessive or demonym ending (Israel/Israelis)."""
    a, b = fold(strip_possessive(a)), fold(strip_possessive(b))
    if len(a) > len(b):
        a, b = b, a
    if not b.startswith(a):
        # A demonym may drop the place's final vowel or y: "Malta"/"Maltese", "Ukraine"/"Ukrainian",
        # "Italy"/"Italian", "Morocco"/"Moroccan"; a plural may turn y into ies: "Virtopsy"/"Virtopsies".
        stem = a[:-1]
        return a[-1:] in ("a", "e", "i", "o", "y") and b.startswith(stem) and (
            b[len(stem):] in DEMONYMS or (a.endswith("y") and b[len(stem):] == "ies"))
    ending = b[len(a):]
    return ending in SUFFIXES or (ending == "a" and a.endswith("i"))


def _demonym_in_s(a: str, b: str) -> bool:
    """'Texas'/'Texans', 'Kansas'/'Kansan': a place in -s whose people drop it for -n(s)."""
    a, b = sorted((a, b), key=len)
    return a.endswith("s") and b in (a[:-1] + "n", a[:-1] + "ns")


def variant(a: str, b: str) -> str | None:
    """How two single words that differ are the same name: 'key', 'vowels', 'typo' or None (different names)."""
    if fold(a) == fold(b) or inflected(a, b):
        return None
    ka, kb = key(a), key(b)
    if len(ka) < 4 or len(kb) < 4:
        return None  # too short to tell a variant from another name
    if ka == kb or _inner_s_for_z(ka, kb):
        return "key"
    if ka[0] != kb[0]:
        return None
    from rapidfuzz.distance import OSA, Levenshtein  # here, not at import: 0.02 s of every start-up

    longest = max(len(ka), len(kb))
    if (skeleton(a) == skeleton(b) and len(skeleton(a)) >= 2 and abs(len(ka) - len(kb)) <= 2
            and Levenshtein.distance(ka, kb) <= (3 if longest >= 7 else 2 if longest >= 6 else 1)):
        return "vowels"
    if min(len(ka), len(kb)) >= 7 and OSA.distance(ka, kb) == 1 and ka[-1] == kb[-1]:
        return "typo"
    return None


def _inner_s_for_z(ka: str, kb: str) -> bool:
    """Keys that differ only by "s" for "z" inside the word: "Gonsalez"/"Gonzalez", "Dyzon"/"Dyson". Not in
    key(), where known-names would read a British "Organisation" in a listed name as a slip of "Organization";
    not first or last ("Samora"/"Zamora", "Dias"/"Diaz", "Gomes"/"Gomez" are other people's names), nor
    another language's name of a country ("Brasil")."""
    if len(ka) != len(kb) or ka[0] != kb[0] or ka[-1] != kb[-1] or ka in FOREIGN_WORDS or kb in FOREIGN_WORDS:
        return False
    return ka[1:-1].replace("z", "s") == kb[1:-1].replace("z", "s")


def swapped(a: str, b: str) -> bool:
    """Two adjacent letters swapped after the first one: 'Huber'/'Hubre', 'Egypt'/'Eygpt', 'Saudi'/'Sauid'.

    A slip of the keyboard rather than a transliteration, so name-consistency asks more of it
    (the slip is not a word or a name the dictionary knows, and the other spelling is the story's).
    """
    x, y = _NOT_LETTER.sub("", fold(strip_possessive(a))), _NOT_LETTER.sub("", fold(strip_possessive(b)))
    if len(x) != len(y) or len(x) < 4 or x == y:
        return False
    diff = [i for i in range(len(x)) if x[i] != y[i]]
    return len(diff) == 2 and diff[0] > 0 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def slip(a: str, b: str) -> bool:
    """One letter dropped, added or doubled in a name of four letters or more, the first letter kept:
    'Biden'/'Bien', 'Japan'/'Jaan', 'John'/'Johhn'. Edit distance alone, so the callers ask for
    evidence that one spelling is the slip (it is no word or name the dictionary knows)."""
    x, y = _NOT_LETTER.sub("", fold(strip_possessive(a))), _NOT_LETTER.sub("", fold(strip_possessive(b)))
    if abs(len(x) - len(y)) != 1 or min(len(x), len(y)) < 4 or x[0] != y[0] or inflected(x, y) or _demonym_in_s(x, y):
        return False
    short, long_ = sorted((x, y), key=len)
    if long_.startswith(short):
        return False  # a final letter makes another name ("Chun"/"Chung", "Carl"/"Carla", "Italian"/"Italiana")
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(x, y) == 1


def letters(word: str) -> str:
    """The first letter, then the others sorted: two spellings that differ by a swap share it."""
    x = _NOT_LETTER.sub("", fold(strip_possessive(word)))
    return x[:1] + "".join(sorted(x[1:]))


def deletes(word: str, spelt: bool = False) -> set[str]:
    """The key (or, `spelt`, the folded letters) and it with each single letter deleted: two keys one
    edit apart share one of these."""
    k = _NOT_LETTER.sub("", fold(strip_possessive(word))) if spelt else key(word)
    return {k} | {k[:i] + k[i + 1:] for i in range(len(k))}


@lru_cache(maxsize=1)
def dictionary_entries() -> tuple[tuple[str, str], ...]:
    """(stem, affix flags) of every entry of the en_US Hunspell dictionary that spylls ships; () without it.

    Read once per process for every check that asks it (names here, Fragment's verb stems), and
    kept parsed in the cache folder (compiled.kept): parsing its 50,000 lines is 40 ms of a hook's
    run, reading them back a quarter of that. Found without importing spylls (10 ms more).
    """
    import os

    from newslint import compiled

    path = dictionary_path()
    try:
        st = os.stat(path) if path is not None else None
    except OSError:
        st = None
    if st is None:  # no spylls (the core install)
        return ()
    try:
        return compiled.kept("hunspell-en_US", f"{path}\0{st.st_size}\0{st.st_mtime_ns}", lambda: _read_entries(path))
    except OSError:  # unreadable: nothing kept, so the next run tries again
        return ()


def dictionary_path() -> str | None:
    """spylls' en_US.dic, found without importing spylls; None without it."""
    import importlib.util
    import os

    try:
        spec = importlib.util.find_spec("spylls")
        return os.path.join(spec.submodule_search_locations[0], "hunspell", "data", "en", "en_US.dic")
    except (AttributeError, IndexError, TypeError, ValueError, ImportError):
        return None


def _read_entries(path: str) -> tuple[tuple[str, str], ...]:
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    entries = []
    for line in text.splitlines()[1:]:
        stem, _, flags = line.partition("/")
        entries.append((stem.strip(), flags))
    return tuple(entries)


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case stems, capitalised stems folded) of the en_US Hunspell dictionary that spylls ships.

    The lower-case stems are ordinary words; the capitalised ones are names spelled the usual way
    (Berlin, Wilson, Garcia), which break a one-to-one tie between two spellings.
    """
    words, names = set(), set()
    for stem, _ in dictionary_entries():
        if stem[:1].islower():
            words.add(stem)
        elif stem[:1].isupper() and not stem.isupper():
            names.add(fold(stem))
    return frozenset(words), frozenset(names)


def _common_words() -> frozenset[str]:
    return _dictionary()[0]


def dictionary_name(word: str, words: bool = True) -> bool:
    """True when the dictionary knows the word as a name or (`words`) an ordinary word: 'Berlin', 'Wilson', 'Foundation'."""
    return fold(word) in _dictionary()[1] or (words and common_word(word))


def common_word(word: str) -> bool:
    """True when the word, in lower case, is an ordinary English word ('Young', 'Ministry', 'Untied')."""
    low = word.casefold()
    words = _common_words()
    if low in words:
        return True
    for ending, base in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("ies", "y"), ("er", ""), ("ers", "")):
        stem = low[: len(low) - len(ending)]
        if low.endswith(ending) and len(stem) >= 3 and stem + base in words:
            if ending == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
                continue  # "-es" makes a plural only after a hiss or an o ("boxes", "heroes"): "Walles" is no "walls"
            return True
    return False


# Word frequencies come from `wordfreq` (https://github.com/rspeer/wordfreq: code Apache-2.0, data
# CC BY-SA 4.0) when it is installed; it is optional, and without it the dictionary alone answers.
REAL_NAME = 2.5  # Zipf frequency (log10 per billion words) from which a spelling is a name people write
FOREIGN = ("es", "pt", "it", "fr", "de", "nl", "ca", "ms", "id", "pl", "sv")  # Latin-script languages wordfreq knows
# Without wordfreq: common words of other languages' institutions that sit beside an English cognate
# ("Banco Central" and "Bank", "Institut Pasteur" and "Institute"), accents folded.
FOREIGN_WORDS = frozenset("""
    brasil italia espana deutschland polska nederland belgique suisse osterreich
    banco banca banque bankas istituto instituto institut instytut universidad universidade universita universitat
    universite universiteit universiti uniwersytet ministerio ministero ministere ministerie ministerium museo musee
    museu nacional nazionale nationale partido partito parti partei consejo consiglio conseil congreso congresso
    compania compagnia compagnie companhia sociedad societa societe sociedade federacion federazione republica
    repubblica republique teatro ospedale hopital policia polizia camara camera chambre asamblea assemblea assemblee
    agencia agenzia agence fundacion fondazione fondation fundacao stiftung gesellschaft akademie academia accademia
    academie centro escuela scuola ecole colegio collegio biblioteca bibliotheque bibliothek aeropuerto aeroporto
    aeroport gruppo grupo groupe gruppe directorio direzione direction servicio servizio servico ejercito esercito
    armee comision commissione commissao tribunale corte nuevo nueva nuovo nuova nouveau nouvelle popolare populaire
    democratico democratica democratique socialista socialiste comunista communiste
""".split())


@lru_cache(maxsize=1)
def _zipf():
    """wordfreq's `zipf_frequency`, or None when wordfreq is not installed."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return zipf_frequency


def frequency(word: str, lang: str = "en") -> float | None:
    """How often the word is written (Zipf scale: 0 never seen, 3 once per million words); None without wordfreq."""
    zipf = _zipf()
    return None if zipf is None else zipf(strip_possessive(word).casefold(), lang)  # accents kept: "università"


def real_word(word: str) -> bool:
    """True when the spelling is one people write: a word or name the dictionary knows, or a frequent word
    ("Thierry", "Regan" with wordfreq; a typo such as "Dierdre" or "Lousiana" is rarer than `REAL_NAME`)."""
    return dictionary_name(word) or (frequency(word) or 0) >= REAL_NAME


def foreign_word(word: str) -> bool:
    """True when the word is a common word of another language, much rarer in English ("Banco", "Institut")."""
    if common_word(word):
        return False
    if _zipf() is None:
        return fold(word) in FOREIGN_WORDS
    here = frequency(word)
    return any(frequency(word, lang) >= max(3.0, here + 1) for lang in FOREIGN)


@lru_cache(maxsize=1)
def _trigrams() -> tuple[Counter, Counter]:
    """Letter trigram and bigram counts of the dictionary's words and names ('^' and '$' mark the ends)."""
    words, names = _dictionary()
    tri, bi = Counter(), Counter()
    for w in (*words, *names):
        w = "^" + _NOT_LETTER.sub("", fold(w)) + "$"
        for i in range(len(w) - 2):
            tri[w[i : i + 3]] += 1
            bi[w[i : i + 2]] += 1
    return tri, bi


def plausibility(word: str) -> float:
    """How English-like a spelling is: the log-probability of its letter trigrams (add-one smoothed).

    Only the difference between two near-spellings of one name means anything: "Tpipu" and
    "Reserach" lose to "Tippu" and "Research" by several units, "Rafa" and "Rafah" by little.
    """
    tri, bi = _trigrams()
    if not tri:
        return 0.0
    w = "^" + _NOT_LETTER.sub("", fold(strip_possessive(word))) + "$"
    return sum(math.log((tri[w[i : i + 3]] + 1) / (bi[w[i : i + 2]] + 27)) for i in range(len(w) - 2))
