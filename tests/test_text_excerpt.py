"""The text reporter's excerpt under a finding: a window of the line around the span, and a caret under it."""

from newslint.report.text_report import WINDOW, excerpt


def test_a_short_line_is_shown_whole_with_the_caret_under_the_span():
    assert excerpt("The the talks resumed.", 1, 7) == ("The the talks resumed.", "^^^^^^^")
    assert excerpt("a\tb the the", 5, 7) == ("a b the the", "    ^^^^^^^")


def test_a_long_line_shows_the_window_around_the_span_only():
    line = "x" * 500_000 + "FOUND" + "y" * 500_000
    shown, caret = excerpt(line, 500_001, 5)
    assert shown.startswith("…") and shown.endswith("…") and "FOUND" in shown
    assert len(shown) <= WINDOW + 2
    assert caret == " " * shown.index("FOUND") + "^^^^^"
    # At the line's very start and end the window has one ellipsis only.
    assert excerpt("FOUND" + "y" * 10_000, 1, 5)[0].startswith("FOUND")
    end = excerpt("x" * 10_000 + "FOUND", 10_001, 5)
    assert end[0].endswith("FOUND") and end[1].endswith("^^^^^")
