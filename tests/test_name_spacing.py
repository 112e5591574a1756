"""One name split or joined two ways (newslint.names.spacing): which forms make a family, and which do not."""

from newslint.names.spacing import families


class _Span:
    def __init__(self, start: int, end: int, kind: str = "paragraph"):
        self.start, self.end, self.kind = start, end, kind


def _forms(text: str, kind: str = "paragraph") -> list[dict[str, list[str]]]:
    return [{form: [w for _s, _e, w in uses] for form, uses in fam.forms.items()}
            for fam in families(text, [_Span(0, len(text), kind)])]


def test_a_space_a_hyphen_and_a_closed_form_of_one_name():
    assert _forms("Rolls-Royce won. Rolls Royce said so.") == [{"hyphen": ["Rolls-Royce"], "space": ["Rolls Royce"]}]
    assert _forms("Homes in Portlaoise flooded. Port Laoise was spared.") == [{"space": ["Port Laoise"], "closed": ["Portlaoise"]}]
    # A first name before the form does not matter.
    assert _forms("Youssef El-Amrani joined. El Amrani scored.") == [{"hyphen": ["El-Amrani"], "space": ["El Amrani"]}]


def test_what_is_no_family():
    assert _forms("NORTH SEA prices fell. North Sea output rose.") == []  # case alone
    assert _forms("Homes in Newport flooded. New Port Richey was spared.") == []  # a longer name goes on
    assert _forms("Smith Kline and French makes drugs for SmithKline.") == []  # "and" + a capital goes on too
    assert _forms("Follow #RollsRoyce for updates. Rolls Royce said so.") == []  # a hashtag
    assert _forms("See rolls-royce.com and Rolls Royce.") == []  # an address
    assert _forms("Li Na beat LiNa.") == []  # four letters: too short to tell
    # A short quotation is a title or a search term as found: the “DrugShortages” app, searching “FDA Drug Shortages”.
    assert _forms("The “DrugShortages” app helps. Find it by searching “FDA Drug Shortages.”") == []
    assert _forms("Rolls-Royce said: “Rolls Royce engines are the best in the whole world by far.”") != []
    # In a headline every word is capitalised: ordinary words name nothing.
    assert _forms("Weekly Round Up, Then a Metrics Round-Up", "title") == []
    assert _forms("Weekly Round Up, then a Metrics Round-Up.") == [{"space": ["Round Up"], "hyphen": ["Round-Up"]}]
