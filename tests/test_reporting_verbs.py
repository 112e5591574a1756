"""The verbs of a reporter's work (FirstPerson's newsroom "we"): the builder's inflections and the shipped table."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "rules" / "Newsroom" / "data" / "reporting_verbs.tsv"
spec = importlib.util.spec_from_file_location("build_reporting_verbs", ROOT / "scripts" / "build_reporting_verbs.py")
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


def test_inflections_follow_english_spelling():
    assert build.inflections("chat") == ["chat", "chats", "chatted", "chatting"]
    assert build.inflections("probe") == ["probe", "probed", "probes", "probing"]
    assert build.inflections("notify") == ["notified", "notifies", "notify", "notifying"]
    assert "told" in build.inflections("tell") and "telled" not in build.inflections("tell")
    assert {"learned", "learnt"} <= set(build.inflections("learn"))


def test_the_shipped_table_has_the_newsroom_verbs_and_not_the_generic_ones():
    rows = [line.split("\t") for line in TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert all(len(r) == 3 for r in rows)
    forms = {r[0] for r in rows}
    assert {"asked", "told", "contacted", "verified", "interviewed", "emailed", "e-mailed", "spoke"} <= forms
    # Verbs of discovering and of the body are left out: "the air we breathe", "we've heard".
    assert not {"breathe", "heard", "found", "solved", "go", "make"} & forms
