"""`extends: metric` — evaluate a formula over document counts; flag when `condition` holds (Vale's semantics).

Vale evaluates `formula` as a Tengo expression over its built-in variables and then
`"%f <condition>"`; when true it reports once, at 1:1, with `%s` filled by the
value formatted as `%.2f`. newslint never runs code: the formula is parsed with
`ast` and only numbers, the variables, + - * / %, parentheses and a few `math.`
functions are allowed. Tengo's arithmetic is kept: integer literals divide as
integers (`7 / 2` is 3), variables are floats.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from typing import Iterator

from newslint.checks._summary import summary_counts
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match

# Vale's variables: the summary counts, plus how many of each structural element.
COUNTS = ("words", "sentences", "characters", "syllables", "polysyllabic_words",
          "complex_words", "long_words", "paragraphs")
ELEMENTS = ("pre", "list", "blockquote") + tuple(f"heading_h{n}" for n in range(1, 7))
VARIABLES = frozenset(COUNTS + ELEMENTS)

# Tengo's `math` module, the part a formula can reasonably use.
FUNCTIONS = {
    "abs": abs, "ceil": math.ceil, "floor": math.floor, "round": round, "trunc": math.trunc,
    "sqrt": math.sqrt, "cbrt": lambda x: math.copysign(abs(x) ** (1 / 3), x), "pow": math.pow,
    "exp": math.exp, "log": math.log, "log10": math.log10, "log2": math.log2,
    "min": min, "max": max, "mod": math.fmod,
}
CONSTANTS = {"pi": math.pi, "e": math.e}

_HEADING = re.compile(r"heading\.(h[1-6])")  # Vale rewrites heading.h1 to heading_h1
_COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
            ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne}


class Metric(Check):
    kind = "metric"
    summary = "Flags a document whose formula over word, sentence and element counts meets a condition."
    default_scope = ("summary",)
    options = {
        "formula": Option("str", required=True, doc="an arithmetic expression over Vale's variables"),
        "condition": Option("str", required=True, doc="a comparison such as '> 8.0'"),
    }

    def setup(self) -> None:
        self.formula = parse_formula(_HEADING.sub(r"heading_\1", self.opts["formula"]), "formula")
        self.compare, self.bound = parse_condition(self.opts["condition"])

    def check(self, doc) -> Iterator[Match]:
        # Vale ignores `scope` here: the counts always come from the whole summary.
        counts = summary_counts(doc)
        if not counts.words:
            return  # Vale has no variables to give a formula over an empty document
        env = {name: getattr(counts, name) for name in COUNTS}
        env.update(element_counts(doc))
        try:
            value = evaluate(self.formula, env)
            bound = evaluate(self.bound, env)
        except (ZeroDivisionError, ValueError, OverflowError):
            return  # Tengo stops with an error (or prints "+Inf"); no finding either way
        if not math.isfinite(value):
            return
        # Vale compares the value as printed with %f, i.e. rounded to six decimals.
        if self.compare(float(f"{value:f}"), bound):
            yield Match(0, 0, args=(f"{value:.2f}",))


def element_counts(doc) -> dict[str, float]:
    """How many code blocks, lists, blockquotes and headings of each level a document has."""
    cached = getattr(doc, "_vale_element_counts", None)
    if cached is not None:
        return cached
    counts = dict.fromkeys(ELEMENTS, 0.0)
    counts["pre"] = float(len(doc.blocks_of("code")))
    for block in doc.blocks_of("heading"):
        counts[f"heading_h{block.level}"] += 1
    if doc.format == "md":
        # Lists and blockquotes are containers, so the blocks do not say how many there are.
        from newslint.document.markdown import block_tokens

        text = doc.text
        for fm in doc.blocks_of("frontmatter"):
            text = "\n" * text.count("\n", fm.start, fm.end) + text[fm.end :]
        for tok in block_tokens(text):
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                counts["list"] += 1
            elif tok.type == "blockquote_open":
                counts["blockquote"] += 1
    doc._vale_element_counts = counts
    return counts


# -- a safe evaluator for Tengo arithmetic ----------------------------------


def parse_formula(source: str, key: str) -> ast.expr:
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise OptionError(key, f"'{key}' is not an arithmetic expression: {exc.msg}") from None
    _validate(tree.body, key)
    return tree.body


def parse_condition(source: str):
    """'> 8.0' -> (operator.gt, expression for 8.0)."""
    try:
        tree = ast.parse("value " + source.strip(), mode="eval").body
    except SyntaxError:
        tree = None
    if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1 and type(tree.ops[0]) in _COMPARE):
        raise OptionError("condition", f"'condition' must be one comparison such as '> 8.0', not {source!r}")
    bound = tree.comparators[0]
    _validate(bound, "condition")
    if isinstance(tree.ops[0], (ast.Eq, ast.NotEq)) and _is_int(bound):
        # Tengo never finds a float equal to an integer, so Vale's '== 8' never fires.
        raise OptionError("condition", "compare with a floating-point number ('== 8.0', not '== 8'), as Vale requires")
    return _COMPARE[type(tree.ops[0])], bound


def _is_int(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, int) or (
        isinstance(node, ast.UnaryOp) and _is_int(node.operand))


def _validate(node: ast.expr, key: str) -> None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return
    if isinstance(node, ast.Name):
        if node.id not in VARIABLES:
            raise OptionError(key, f"unknown variable '{node.id}' in '{key}' (known: {', '.join(sorted(VARIABLES))})")
        return
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Mod)):
        _validate(node.left, key)
        _validate(node.right, key)
        return
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        _validate(node.operand, key)
        return
    if _is_math(node, CONSTANTS):
        return
    if isinstance(node, ast.Call) and _is_math(node.func, FUNCTIONS) and not node.keywords:
        for arg in node.args:
            _validate(arg, key)
        return
    shown = ast.unparse(node)
    raise OptionError(key, f"'{key}' may use only numbers, variables, + - * / %, parentheses and "
                           f"math functions ({', '.join(sorted(FUNCTIONS))}); found {shown}")


def _is_math(node: ast.expr, names: dict) -> bool:
    return (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "math" and node.attr in names)


def evaluate(node: ast.expr, env: dict[str, float]):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.Attribute):
        return CONSTANTS[node.attr]
    if isinstance(node, ast.UnaryOp):
        value = evaluate(node.operand, env)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.Call):
        # Tengo's math functions take and return floats.
        return float(FUNCTIONS[node.func.attr](*(float(evaluate(a, env)) for a in node.args)))
    left, right = evaluate(node.left, env), evaluate(node.right, env)
    both_int = isinstance(left, int) and isinstance(right, int)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    if isinstance(node.op, ast.Div):
        if both_int:  # Go truncates toward zero
            if right == 0:
                raise ZeroDivisionError
            quotient = abs(left) // abs(right)
            return quotient if (left < 0) == (right < 0) else -quotient
        if right == 0:
            return math.copysign(math.inf, left) if left else math.nan
        return left / right
    if right == 0:
        raise ZeroDivisionError
    if both_int:  # Go's % keeps the sign of the dividend
        return int(math.fmod(left, right))
    return math.fmod(left, right)
