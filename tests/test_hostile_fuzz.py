"""A fuzz suite of hostile articles (issue #18): nesting, runs of one character, line-ending
mixes, long paragraphs and control characters, in Markdown and plain text. Every one must be
checked without an internal error, within a hang guard, with findings inside the document;
through the command line, every file of a hostile batch gets a report."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import newslint
from newslint.config import default_config
from newslint.document.reader import parse
from newslint.engine import Selection, check_document
from newslint.runner import FileTimedOut, budget

RUNS = "([{<`*_-#>|.,!?'\" \t\\~=+:;@&%$/"
CONTROL = ["\x0b", "\x0c", "\x1b", "\x7f", "\u2028", "\u2029", "\u0085", "\ufeff", "\u200b", "\ufffd"]
NEWLINES = ["\n", "\r\n", "\r"]
WORDS = ["the", "The", "said", "TK", "[NAME]", "we", "U.S.", "cease-fire", "ceasefire", "“", "”", "'", "http://x.y"]

run = st.builds(lambda c, n: c * n, st.sampled_from(RUNS), st.integers(10, 400))
nesting = st.one_of(
    st.builds(lambda n, nl: nl.join("  " * i + "- item" for i in range(n)), st.integers(1, 60), st.sampled_from(NEWLINES)),
    st.builds(lambda n: "> " * n + "deep quote", st.integers(1, 60)),
    st.builds(lambda n: "[" * n + "x" + "]" * n, st.integers(1, 200)),
    st.builds(lambda n: "*" * n + "x" + "*" * n, st.integers(1, 100)),
)
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=200).map(" ".join)
piece = st.one_of(run, nesting, words, st.sampled_from(CONTROL), st.sampled_from(NEWLINES),
                  st.text(max_size=40))
article = st.lists(piece, min_size=1, max_size=30).map("".join)

CONFIG = default_config()
SELECTION = Selection(nlp=False)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article, fmt=st.sampled_from(["md", "txt"]))
def test_hostile_articles_are_checked(text, fmt):
    try:
        with budget(20):  # a hang guard, not a speed test: these are a few KB at most
            doc = parse("fuzz." + fmt, text, fmt)
            result = check_document(doc, CONFIG, SELECTION)
    except FileTimedOut:
        raise AssertionError(f"no answer within 20 s for {text[:200]!r}") from None
    lines = doc.text.count("\n") + doc.text.count("\r") - doc.text.count("\r\n") + 1
    for f in result.findings:
        assert 1 <= f.line <= f.end_line <= lines and f.col >= 1, f


def test_every_file_of_a_hostile_batch_gets_a_report(tmp_path):
    samples = [
        b"Title\r\rBody the the.\r",  # CR only
        b"Title\n\n" + b"(" * 5000 + b"\n",
        b"# Head\n\n" + b"> " * 100 + b"deep\n",
        b"\xff\xfe" + "Title\n".encode("utf-16-le"),  # UTF-16
        b"Title\n\n\xc3\x28 bad byte\n",  # not UTF-8
        b"Title\n\nNUL \x00 here\n",  # binary
        b"",  # empty
        b"\xef\xbb\xbfTitle\r\n\r\nBOM and CRLF the the.\r\n",
        b"Title\n\n" + "\u2028\u0085\x0b\x0c".encode() * 50 + b"\n",
    ]
    d = tmp_path / "d"
    d.mkdir()
    for i, data in enumerate(samples):
        (d / f"f{i}.{'md' if i % 2 else 'txt'}").write_bytes(data)
    r = newslint("check", "d", "-f", "json", "--no-cache", "--no-nlp", cwd=tmp_path, timeout=120)
    report = json.loads(r.out)
    assert "internal error" not in r.err
    assert report["summary"]["files"] + report["summary"]["unchecked"] == len(samples), (report["summary"], r.err)
