"""Is this block page furniture? A score from its structure and a chrome vocabulary.

Furniture is a short block that is not a sentence and speaks about the page,
not the story: "Photo: Jane Doe/Getty Images", "READ MORE: Ten things ...",
"Accept all cookies", "Be the first to comment". A block holding a `hard`
phrase of the chrome vocabulary (`Chrome`, read from a list such as
`data/furniture.yml`: "we use cookies", "skip to content", "©") is furniture
even as a full sentence. Otherwise it scores points:

* 2 for each strong phrase of the vocabulary ("file photo", "newsletter",
  "Read more" opening it), 1 for each weak word ("share", "photo", "site"),
  at most 2 in all;
* 2 for a chrome label opening it ("Photo:", "Related:", "READ MORE:");
  2 for a credit "Jane Doe/Getty Images", a block that is only "(Reuters)" or
  a picture library ("Alamy Stock Photo"), or a credit after a caption ("The
  harbour at dawn. Photo: Jane Smith", "... on Monday. (AFP)"; a caption and
  its credit are not "several sentences"), or a picture agency's name alone
  ("Getty", "PA Media"); 2 for an e-mail address in a block of 12 words or
  fewer ("Contact the author at jane@example.com"), 4 for one beside how to
  reach the writer in a bio, where a chrome phrase names the writer's role
  ("... a senior reporter ... He can be reached at jane@..."; not a story's
  "They can be reached at volunteers@..."); 2 for a widget's counter
  ("Comments (34)"), answer buttons after a question about the page ("Was
  this article helpful? Yes No"; not a ballot's "Yes / No") or a prompt's
  buttons ("Not now | Allow"); 4 for a bar of reactions ("😂 12 😮 4");
  2 for a menu or breadcrumb of three or more items ("News > World > Europe");
  2 for a byline ("By Jane Smith, Political Correspondent", "Tom Wells,
  Reporter", "Jane Doe, The Daily Star", "By the Editorial Board") or a
  credit "Jane Smith for the Harbour Times", or a credit in brackets closing
  a caption ("The harbour at dawn (Photo: Jane Smith)"); 2 for a time stamp
  or a player's clock, a block of dates and clock times and their labels
  only ("Published 3:42 PM EST, Tue March 5, 2024", "Duration 01:45", "0:00 /
  2:31"; its "a.m." ends no sentence; unlabelled, one instant, not an
  event's hours);
  2 for a link to another story, a block of 15 words or fewer that opens
  with an arrow and ends in no sentence ("► Police name victim");
  2 for a block of three words or fewer, all of them chrome ("Accept",
  "Search the site", "Skip navigation");
  2 for a button: 6 words or fewer, no sentence end, opening with a command
  of the vocabulary and holding a weak word that is no command ("Save
  article", "Open in app"; not "Read the fine print"); 1 for a link arrow
  ("Next »") or items in a row ("Facebook | Twitter", "Home › World");
* 1 for no sentence end, and 1 more for such a block standing last in the
  story (furniture gathers at the end); 1 for being short (8 words or fewer);
* minus 1 for a finite verb ("was", "has", "said"); minus 2 for being a
  sentence (8 words or more with a full stop), for holding two sentences
  ("Interested? Sign up for ..."), for a question word opening it ("How Do I
  Sign Up" is a subhead) and for ending in a colon (it introduces what follows).
  A prompt is none of the first three: a contact line, or a call to the reader
  made only of questions and commands where the page speaks ("Want more stories
  like this? Add us as a preferred source"; not "Worried about this scam? Share
  your experience with Trading Standards", where no page speaks).

A block of more than `MAX_WORDS` words is never furniture, nor one with
quotation marks (someone speaks). A block without chrome evidence (a strong
phrase, a label, a credit, a button, an arrow or a row beside a weak word:
weak words alone and shape are not enough) is never furniture, whatever its
score. `FURNITURE` points make furniture (a rule's `min_score`).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint.checks import _datalists as lists
from newslint.checks.base import OptionError
from newslint.compiled import regex_compile
from newslint.patterns import compile_pattern, finditer

MAX_WORDS = 30
FURNITURE = 4

_WORD = regex_compile(r"[\w’'&©-]+")
_END = regex_compile(r"[.!?…][\"”’')\]]*\Z")
_INNER_END = regex_compile(r"(?<=[a-z)][.!?][\"”’')\]]*)\s+(?=[A-Z])")
_LABEL = regex_compile(r"\A[\W_]*([\w’' -]{1,30}?)\s*(?::|\|)\s*\S")
# "Jane Doe/Getty Images", "REUTERS/Stringer", "(AP Photo/John Doe)": capitalised names either side of a
# slash, ending the block.
_CREDIT = regex_compile(r"(?<![\w/])[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3} ?/ ?[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3}\)?\Z")
_AGENCY = regex_compile(r"\A\(\s*[A-Z][\w.&/ -]{0,30}\)\Z")
_ARROW = regex_compile(r"[»›→⟶>]\s*\Z|\A\s*[«‹←]|\A\s*[»›]")
# Items in a row: "Facebook | Twitter", "Home › World › Europe" (a breadcrumb).
_ROW = regex_compile(r"\S\s+[|•·›»>/]\s+\S")
# Three or more short items split by one separator: a menu or a breadcrumb ("News > World > Europe").
_CRUMBS = regex_compile(r"\A[^|•·›»>/]{1,30}(?:\s+([|•·›»>/])\s+[^|•·›»>/]{1,30})(?:\s+\1\s+[^|•·›»>/]{1,30})+\Z")
# An e-mail address: how to reach the author or the desk ("Contact the author at jane@example.com"). Not a
# handle: "— Jane (@jane) June 4, 2015" closes an embedded post the story quotes.
_CONTACT = regex_compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A picture's credit after its caption: "The harbour at dawn. Photo: Jane Smith".
_CAPTION_LABEL = regex_compile(r"[.!?][\"”’')]*\s+([\w’' -]{1,30}?)\s*:\s*\S[^.!?]{0,60}\Z")
# A credit after the caption's full stop: "... on Monday. (AFP)", "... Monday. Jane Smith/Harbour Agency";
# not a file's type ("... the report. (PDF)").
_CREDIT_AFTER_CAPTION = regex_compile(
    r"[.!?][\"”’')]*\s+(?:\((?!\s*(?:PDF|DOCX?|XLSX?|PPTX?|CSV|ZIP|MP[34])\s*\))\s*[A-Z][\w.&/ -]{0,30}\)"
    r"|[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3} ?/ ?[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3})\Z")
# A picture library's name alone: "Alamy Stock Photo", "Harbour Images".
_LIBRARY = regex_compile(r"\A(?:[A-Z][\w&.’'-]*\s+){1,3}(?:Images|Photos?|Pictures|Photography|Stock Photo)\Z")
_MONTH_MAY = regex_compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+May\b|\bMay\s+\d")
# Words that carry no chrome of their own in a tiny block of chrome words ("Search the site", "I accept").
_GLUE = frozenset("the a an to your my our all this it i of in on for and or us with".split())
# A byline: "By Jane Smith", "By Jane Smith, Political Correspondent", "By Jane Smith and Tom Jones".
_BYLINE = regex_compile(r"\A[Bb]y\s+\p{Lu}[\p{L}.’'-]+(?:\s+\p{Lu}[\p{L}.’'-]+){1,3}(?:\s*(?:,|and|&)\s*[\p{L} .’'-]{1,40})?\Z")
# A byline without "By": a full name and a newsroom job ("Tom Wells, Reporter"); a desk's ("By the Editorial
# Board", not "By the Numbers").
_ROLE_BYLINE = regex_compile(
    r"\A\p{Lu}[\p{L}.’'-]+(?:\s+\p{Lu}[\p{L}.’'-]+){1,3}\s*[,|–—-]\s*(?:[\p{L}’'-]+\s+){0,3}"
    r"(?:(?i:reporter|correspondent|writer|editor|columnist|contributor|photographer|producer|journalist)s?"
    r"|(?:The\s+)?(?:\p{Lu}[\p{L}’'-]+\s+){0,3}(?:Times|Post|Herald|Tribune|Journal|Star|Gazette|Chronicle|Courier|"
    r"Telegraph|Guardian|Independent|Observer|Examiner|Mail|Mirror|Express|Sun|News|Press|Daily))\Z"
    r"|\A[Bb]y\s+the\s+(?:\p{Lu}[\p{L}’'-]+\s+){0,3}(?i:board|desk|staff|team|editors|newsroom|bureau)\Z")
# A link to another story: a block opening with an arrow ("► Police name victim", "» More on the storm").
_LEADING_ARROW = regex_compile(r"\A\s*[►▶▸▹➤➜→»›]\s*\S")
# A page's time stamp or a player's clock: dates, clock times and their labels, and nothing else
# ("Published 3:42 PM EST, Tue March 5, 2024", "Monday 4 September 2023 14:07, UK", "Duration 01:45").
_CLOCK = regex_compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?!\d)")
_DATE = regex_compile(r"(?i)\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|"
                      r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
                      r"dec(?:ember)?)\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
# The labels of a time stamp or a clock.
_STAMP_LABEL = r"(?:published|updated|posted|modified|uploaded|filed|duration|runtime|length|running\s+time)"
_STAMP_WORDS = regex_compile(
    r"(?i)\b(?:(?:first|last)\s+)?" + _STAMP_LABEL + r"\b|(?<!\w)[ap]\.?m\.?(?!\w)|\b(?:at|on|and|[AP]M|GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|IST|AEST|AEDT|local\s+time)\b"
    r"|\b\d+(?:st|nd|rd|th)?\b|[\s,:;|()/.–—-]+")
_PLAYHEAD = regex_compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?")  # a player's "0:00 / 2:31"
_LABELLED = regex_compile(r"(?i)\b" + _STAMP_LABEL + r"\b")
# A photographer's credit: "Jane Smith for the Harbour Times" (a full name, then "for" and a title).
_FOR_TITLE = regex_compile(r"\A\p{Lu}[\p{L}.’'-]+(?:\s+\p{Lu}[\p{L}.’'-]+){1,2}\s+for\s+(?:[Tt]he\s+)?\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,3}\Z")
# A credit in brackets closing a caption: "The harbour at dawn (Photo: Jane Smith)".
_BRACKET_LABEL = regex_compile(r"\(\s*([\w’' -]{1,30}?)\s*:\s*[^()]{1,40}\)\Z")
# The page itself, in the command's own sentence ("you" alone is a service's how-to: "Sign up through the app";
# "US" is a country: "Next year the US will ..."; "we" in another sentence is a blog's: "Back in 2019 we ...").
_PAGE = regex_compile(r"\b(?:[Oo]ur|us|[Ww]e)\b")
# How to reach the writer, beside an address: "He can be reached at jane@example.com" (a bio's last line). Not
# "contact us at ...": a blog's own closing call ("If you have questions, contact us at dap@...").
_REACH = regex_compile(r"(?i:\b(?:he|she|they|author|reporter|writer|columnist|editor)[ \t]+can[ \t]+be[ \t]+reached\b|"
                       r"\b(?:reach|contact|write[ \t]+to|e-?mail)[ \t]+(?:him|her|the[ \t]+(?:author|reporter|writer)\b))")
# A widget's counter: "Comments (34)", "Shares 1.2k" (not a subhead's "Article 50", "Section 3").
_COUNTER = regex_compile(r"(?i)\A(?:comments?|replies|shares|likes|views|reactions|responses)[ \t]*"
                         r"(?:\(\d[\d,.]*[km]?\)|\d[\d,.]*[km]?)\Z")
# A feedback widget's question and its answer buttons: "Was this article helpful? Yes No".
_ANSWERS = regex_compile(r"\?[ \t]*(?:Yes[ \t]*[/|]?[ \t]*No|No[ \t]*[/|]?[ \t]*Yes|👍[ \t]*👎)[ \t]*\Z")
_ABOUT_PAGE = regex_compile(r"(?i)\b(?:this|the)[ \t]+(?:article|story|page|post|content|piece)\b|\bhelpful\b|\buseful\b")
# A prompt's buttons: "Would you like breaking news notifications? Not now | Allow".
_PROMPT_BUTTONS = regex_compile(r"\?[ \t]*(?:Not now|No thanks|Maybe later|Later)[ \t]*[/|·]?[ \t]*(?:Allow|Yes|OK|Accept|Subscribe|Turn on)[ \t]*\Z")
# A bar of reactions or counts: emoji and numbers, no words ("😂 12 😮 4", "💬 14 ❤️ 203"); a text-size control ("A− A A+").
_REACTIONS = regex_compile(r"\A(?:[\p{So}\p{Sk}\u2764\ufe0f\u200d]+[ \t]*\d[\d,.]*[kKmM]?[ \t]*){2,}\Z|\AA[−-][ \t]+A[ \t]+A\+\Z")
# A picture agency's name alone, the credit left when its photograph was not scraped: "Getty", "AFP", "PA Media".
_AGENCY_ALONE = regex_compile(r"\A(?:Getty(?:[ \t]+Images)?|AFP|AP|Reuters|EPA(?:-EFE)?|PA(?:[ \t]+(?:Media|Wire|Images))?|"
                              r"Shutterstock|Alamy|Xinhua|Bloomberg|iStock|dpa|Anadolu|NurPhoto|ANP|Sipa|Zuma)\Z")
_HANDLE = regex_compile(r"(?<![\w.])@\w{2,}")
# Commands that open sentences as other words too ("Back in 2019", "Next year", "Close to 3,000", "Watch time"):
# a command only with the page's word after it ("Back us", "Like us on Facebook", "Watch our video").
_ADVERBIAL = frozenset("back next close like watch report open show view change comment copy go continue see read".split())
_PAGE_NEXT = regex_compile(r"[ \t]+(?:us|our|this|here|now|more)\b", regex.I)
# A short question to the reader opening the block, then more: "Enjoying this article? Support ...".
# ("Not a DigitalGov Search customer? Sign up ..." asks about a service, not about what the reader is reading.)
_ASKS = regex_compile(r"(?i)\A\W*(?=[^?]{0,60}\b(?:article|story|stories|piece|content|read|reading|journalism|this)\b)"
                      r"(?:\w[\w’'-]*\s+){0,6}\w[\w’'-]*\?\s+\S")
# Where a sentence may open: the block's start, or after a sentence's end (a question to the reader included).
_SENTENCE_START = regex_compile(r"(?<=[.!?…][\"”’')\]]*)\s+")
_VERB = frozenset("""is are was were be been being has have had will would shall should can could may might must
    did does do said says told tells announced reported""".split())
_QUESTION = frozenset("how what why when where who which whose whom".split())
_QUOTES = "“”\"‘"


@dataclass(frozen=True)
class Chrome:
    """A chrome vocabulary: hard and strong phrases (a regex each), weak words and labels (lower case)."""

    hard: regex.Pattern | None
    strong: regex.Pattern | None
    weak: frozenset
    labels: frozenset
    commands: frozenset


@dataclass(frozen=True)
class Verdict:
    score: int
    evidence: bool  # some chrome evidence beyond shape
    reasons: tuple[str, ...]
    page_only: bool = False  # a hard phrase: furniture whatever the score

    def furniture(self, min_score: int = FURNITURE) -> bool:
        return self.page_only or (self.evidence and self.score >= min_score)


def load_chrome(rule_path: str, ref, key: str = "chrome") -> Chrome:
    """Read a chrome vocabulary (`furniture: {hard, strong, weak, labels, commands}`, each a list), relative to the rule."""
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    node, _ = lists.read_list(rule_path, ref, key, "furniture")
    if not isinstance(node, yaml.MappingNode):
        raise lists.fail(key, ref, node, "'furniture' must map hard, strong, weak, labels and commands to lists")
    found: dict[str, list[str]] = {"hard": [], "strong": [], "weak": [], "labels": [], "commands": []}
    for k, v in node.value:
        name = lists.scalar(k)
        if name not in found:
            raise lists.fail(key, ref, k, f"unknown key {getattr(k, 'value', k)!r} (expected {', '.join(found)})")
        if not isinstance(v, yaml.SequenceNode):
            raise lists.fail(key, ref, v, f"'{name}' must be a list")
        for item in v.value:
            text = lists.scalar(item)
            if not text or not text.strip():
                raise lists.fail(key, ref, item, f"'{name}': every item must be text")
            found[name].append(text.strip())
    return Chrome(_phrases(found["hard"], key, ref), _phrases(found["strong"], key, ref),
                  frozenset(w.casefold() for w in found["weak"]),
                  frozenset(" ".join(w.casefold().split()) for w in found["labels"]),
                  frozenset(w.casefold() for w in found["commands"]))


def _phrases(patterns: list[str], key: str, ref) -> regex.Pattern | None:
    if not patterns:
        return None
    try:
        return compile_pattern(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)", key, ignorecase=True)
    except OptionError as exc:
        raise OptionError(key, f"'{key}': {ref}: {exc.message}") from None


def judge(text: str, chrome: Chrome, last: bool = False, original: str | None = None) -> Verdict:
    """Score one block (its lines joined by spaces); `last`: nothing but furniture follows it; `original`: the
    block as written, where prose has blanked addresses and links (an e-mail address is evidence)."""
    text = " ".join(text.split())
    words = _WORD.findall(text)
    if not words or len(words) > MAX_WORDS:
        return Verdict(0, False, ())
    if any(q in text for q in _QUOTES):
        return Verdict(0, False, ("quotation",))  # someone speaks: a story's words
    low = [w.casefold().replace("’", "'") for w in words]
    hard = next(finditer(chrome.hard, text), None) if chrome.hard is not None else None
    if hard is not None:
        return Verdict(0, True, (f"page-only phrase '{hard.group(0)}'",), page_only=True)
    score, evidence, reasons = 0, False, []

    def add(points: int, why: str, counts: bool = False) -> None:
        nonlocal score, evidence
        score += points
        evidence = evidence or counts
        reasons.append(f"{why} {points:+d}")

    strong = {m.group(0).casefold() for m in finditer(chrome.strong, text)} if chrome.strong is not None else set()
    for phrase in sorted(strong):
        add(2, f"chrome '{phrase}'", True)
    weak = [w for w in dict.fromkeys(low) if w in chrome.weak and not any(w in p for p in strong)]
    if weak:
        add(min(2, len(weak)), f"chrome words {', '.join(weak[:2])}")
    label = _LABEL.match(text)
    if label and (" ".join(label.group(1).casefold().replace("’", "'").split()) in chrome.labels
                  or (chrome.strong is not None and chrome.strong.fullmatch(label.group(1).strip()))):
        add(2, f"label '{label.group(1)}:'", True)  # a label of the vocabulary, or a chrome phrase as one ("Also on the site:")
    if _CREDIT.search(text) or _AGENCY.match(text) or _LIBRARY.match(text) or _AGENCY_ALONE.match(text):
        add(2, "credit", True)
    captioned = False  # a caption, then its credit: two parts, but no two sentences
    for caption in (_CAPTION_LABEL.search(text), _BRACKET_LABEL.search(text)):
        if caption and " ".join(caption.group(1).casefold().replace("’", "'").split()) in chrome.labels:
            add(2, f"credit '{caption.group(1)}:' after a caption", True)
            captioned = True
            break
    if not captioned and _CREDIT_AFTER_CAPTION.search(text):
        if not _CREDIT.search(text):
            add(2, "credit after a caption", True)  # "... on Monday. (AFP)"
        captioned = True
    credit_for = _FOR_TITLE.match(text)
    if _BYLINE.match(text) or _ROLE_BYLINE.match(text) or (
            credit_for and not all(_common(w) for w in text[: text.index(" for ")].split())):
        add(2, "a byline or credit", True)  # a name before "for", not a subhead's words ("Paper Prototyping for Mobile")
    stamp = _time_stamp(text)
    if stamp:
        add(2, "a time stamp", True)
    address = _CONTACT.search(original if original is not None else text)
    prompt = False  # the page prompting its reader: a question and a command are one prompt, not two sentences
    if address and strong and _REACH.search(text):
        add(4, "how to reach the writer", True)  # a bio: "... a senior reporter ... He can be reached at jane@..."
        prompt = True
    elif len(words) <= 12 and address:
        add(2, "an address to write to", True)
    if _CRUMBS.match(text):
        add(2, "a menu", True)
    if strong and not prompt and _calls_reader(text, chrome):
        add(4, "a call to the reader", True)  # "Download our app for alerts.", "Enjoying this? Support us ..."
        # "Want more stories? Add us ...": the page's own prompt, not "We'll be listening. Follow us ...", nor a story's
        # call to act ("Worried about this scam? Share your experience with Trading Standards").
        prompt = bool(_PAGE.search(text) or _HANDLE.search(text)) and _only_prompts(text, chrome)
    if _COUNTER.match(text):
        add(2, "a counter", True)  # "Comments (34)"
    if _REACTIONS.match(text):
        add(4, "a reaction bar", True)
    if (_ANSWERS.search(text) and _ABOUT_PAGE.search(text)) or _PROMPT_BUTTONS.search(text):
        add(2, "answer buttons", True)  # "Was this article helpful? Yes No" (not a ballot's question), "Not now | Allow"
    ended = bool(_END.search(text)) and not stamp  # "… at 7:14 a.m.": an abbreviation's stop, no sentence's
    if not ended and len(words) <= 6 and low[0] in chrome.commands and any(w in chrome.weak and w not in chrome.commands for w in low[1:]):
        add(2, f"a button '{words[0]}'", True)
    content = [w for w in low if w not in _GLUE]
    if not ended and len(words) <= 3 and content and all(w in chrome.weak or w in chrome.commands for w in content):
        add(2, "nothing but chrome words", True)  # "Accept", "Search the site", "Skip navigation"
    if not ended and len(words) <= 15 and _LEADING_ARROW.match(text):
        add(2, "a link opening with an arrow", True)  # "► Police name victim of Saturday crash"
    elif _ARROW.search(text) or _ROW.search(text):
        add(1, "link-like", bool(weak))  # evidence only beside a chrome word: "Join the community »", "Home › World"
    if not ended:
        add(1, "no sentence end")
        if last:
            add(1, "at the end")  # a story ends in a sentence; a page, in its widgets
    elif len(words) >= 8 and not prompt:  # a prompt to the reader is a sentence by its nature
        add(-2, "a sentence")
    if not captioned and not prompt and sum(len(_WORD.findall(part)) >= 4 for part in _INNER_END.split(text)) >= 2:
        add(-2, "several sentences")
    if len(words) <= 8:
        add(1, "short")
    rest = chrome.strong.sub(" ", text) if strong else text  # "You may also like" is chrome's own verb
    rest = _MONTH_MAY.sub(" ", rest)  # "2 May 2022": a month, no verb
    if not prompt and any(w.casefold() in _VERB for w in _WORD.findall(rest)[1:]):  # a prompt has its verbs
        add(-1, "verb")
    if low[0] in _QUESTION and not label:
        add(-2, "question")
    if text.endswith(":"):
        add(-2, "introduces")
    return Verdict(score, evidence, tuple(reasons))


def _calls_reader(text: str, chrome: Chrome) -> bool:
    """The page speaking to its reader: a sentence opening with a command of the vocabulary ("Follow us on ...",
    "Download our app ..."), where that sentence has the page speaking ("our", "us") or a social handle ("Follow
    her on X @janesmith"), or the block opens with a short question about what the reader is reading ("Enjoying
    this article? Support ..."). A story's imperative is rare and speaks of something else ("Call 911 if ...");
    it needs a strong chrome phrase beside it as well."""
    asks = _ASKS.match(text) is not None
    for part in _SENTENCE_START.split(text):
        first = _WORD.match(part)
        command = first.group(0).casefold() if first else ""
        if command not in chrome.commands or not (asks or _PAGE.search(part) or _HANDLE.search(part)):
            continue
        if command in _ADVERBIAL and not asks and not _PAGE_NEXT.match(part, first.end()):
            continue  # "Back in 2019 we launched ...", "Next year we ...": an adverb, no command
        return True
    return False


def _only_prompts(text: str, chrome: Chrome) -> bool:
    """Every sentence of the block asks the reader something or tells them to do something: one prompt, however
    many sentences ("Got a tip? Email us at ..."), not a story's statement beside a call ("We'll keep listening.
    Follow us here ...")."""
    for part in _SENTENCE_START.split(text):
        first = _WORD.match(part)
        if not part.rstrip("\"”’')] ").endswith("?") and (first is None or first.group(0).casefold() not in chrome.commands):
            return False
    return True


def _time_stamp(text: str) -> bool:
    """Only a date and a clock time, or a clock time and its label, with at most one word besides ("UK").
    Unlabelled, one instant: "Saturday, October 22, 2016, 10:00am – 5:00pm" is an event's hours."""
    clocks = len(_CLOCK.findall(text))
    if not clocks:
        return False
    if not _LABELLED.search(text) and not _PLAYHEAD.search(text) and (clocks > 1 or not _DATE.search(text)):
        return False
    rest = _STAMP_WORDS.sub(" ", _DATE.sub(" ", _CLOCK.sub(" ", text)))
    return len(rest.split()) <= 1


def _common(word: str) -> bool:
    """A word the dictionary knows: a subhead's, not a person's name ("Paper", not "Jane")."""
    from newslint.names.compare import common_word

    return common_word(word.casefold())
