"""Property tests: random articles and random rules never give a traceback.

Every run ends with exit 0, 1 or 2, and an exit 2 comes with one line naming the file.
"""

import contextlib
import io
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.cli import main
from newslint.loading import COMMON


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


SETTINGS = settings(max_examples=int(__import__("os").environ.get("NEWSLINT_PROPERTY_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

article_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    st.lists(st.sampled_from(["---\n", "title: x\n", "# h\n", "> q\n", "“", "”", "\r\n", "\n\n", "`", "[a](b)",
                              "<!--", "-->", "Related Article", " | News", "\ufeff", "😀", "\t", "TK", "the the "]),
             max_size=40).map(lambda parts: "".join(parts).encode("utf-8")),
)


@SETTINGS
@given(data=article_bytes, ext=st.sampled_from([".txt", ".md"]))
def test_random_article_never_crashes(data, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{ext}"
        path.write_bytes(data)
        code, out, err = run("check", path, "-f", "json")
        assert code in (0, 1, 2), err
        assert "Traceback" not in err and "internal error" not in err, err
        if code == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and str(path) in lines[0], err


KINDS = ["existence", "substitution", "occurrence", "repetition", "consistency", "conditional",
         "capitalization", "metric", "readability", "sequence", "spelling", "boilerplate", "title-suffix",
         "placeholder", "bracket-outside-quote", "repeated-word", "script", "nonsense"]
KEYS = sorted(set(COMMON) | {"tokens", "swap", "raw", "ignorecase", "nonword", "exceptions", "max", "min", "token",
                             "either", "first", "second", "match", "formula", "condition", "metrics", "grade",
                             "dictionaries", "dicpath", "filters", "ignore", "append", "bogus"})
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False, width=16),
                    st.text(max_size=12), st.sampled_from(["(", "[a-", "(a|aa)+$", "%s", "heading", "text", "~raw",
                                                           "warning", "safe", "> 3", "words / sentences"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                       st.dictionaries(st.text(max_size=6), inner, max_size=3)), max_leaves=8)
rule_mappings = st.fixed_dictionaries({"extends": st.sampled_from(KINDS)},
                                      optional={"message": st.text(max_size=20)}).flatmap(
    lambda base: st.dictionaries(st.sampled_from(KEYS), values, max_size=5).map(lambda extra: {**extra, **base}))
rule_texts = st.one_of(rule_mappings.map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
                       st.text(max_size=200), values.map(lambda v: yaml.safe_dump(v)))


@SETTINGS
@given(rule=rule_texts)
def test_random_rule_never_crashes(rule):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "Pack").mkdir()
        rule_path = root / "Pack" / "Rule.yml"
        rule_path.write_text(rule, encoding="utf-8")
        (root / ".newslint.yaml").write_text("packs: [./Pack]\nregex_timeout: 0.2\n")
        article = root / "a.md"
        article.write_text("# A heading here\n\nSome text, “quoted”, with a [Sunday] and the the words. TK.\n")
        code, out, err = run("check", article, "-f", "json", "--config", root / ".newslint.yaml")
        assert code in (0, 1, 2), err
        assert "Traceback" not in err and "internal error" not in err, err
        if code == 2:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and ("Rule.yml" in lines[0] or "a.md" in lines[0]), err
