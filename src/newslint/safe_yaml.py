"""YAML that cannot be turned against the loader: limits checked on the composed node tree.

Rules and configs are YAML a user may have copied from anywhere. PyYAML's safe loader
builds no objects, but it still lets
- an alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]`, ... nine levels deep) stand for a
  billion nodes: loading is cheap, yet whatever later walks, copies or hashes the value
  (a rule's `action.params`) takes gigabytes;
- a key appear twice, the second silently winning (go-yaml, which Vale reads rules with,
  refuses it; here it is an error naming both lines);
- a file of any size be parsed.

`guarded(loader_class)` is the loader class with these limits, used by `loading.py`.
"""

from __future__ import annotations

from functools import lru_cache

import yaml

MAX_BYTES = 4 * 1024 * 1024  # a rule or config file; the largest shipped one is under 30 KB
MAX_ALIAS_NODES = 100_000  # nodes that aliases may add beyond the file's own (a real rule adds a handful)


def _error(problem: str, mark) -> yaml.MarkedYAMLError:
    return yaml.constructor.ConstructorError(None, None, problem, mark)


def check_node(root: yaml.Node | None) -> None:
    """Raise a MarkedYAMLError (with the line) for a duplicate key or an alias bomb."""
    if root is None:
        return
    distinct: dict[int, yaml.Node] = {}
    expanded: dict[int, int] = {}
    # Iterative post-order walk: a deeply nested document must not exhaust Python's stack.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            children = _children(node)
            expanded[key] = 1 + sum(expanded[id(c)] for c in children)
            continue
        if key in distinct:
            continue  # an alias: its subtree is counted once here, expanded through `expanded`
        distinct[key] = node
        if isinstance(node, yaml.MappingNode):
            _no_duplicates(node)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in distinct)
    if expanded[id(root)] > len(distinct) + MAX_ALIAS_NODES:
        raise _error(f"its aliases expand to {expanded[id(root)]:,} nodes (more than {MAX_ALIAS_NODES:,} beyond "
                     "the file's own): an alias bomb? write the values out", root.start_mark)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _no_duplicates(node: yaml.MappingNode) -> None:
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        line = key_node.start_mark.line + 1
        if key_node.value in seen:
            raise _error(f"duplicate key '{key_node.value}' (lines {seen[key_node.value]} and {line})",
                         key_node.start_mark)
        seen[key_node.value] = line


@lru_cache(maxsize=None)
def guarded(loader_class: type) -> type:
    """`loader_class` (PyYAML's safe loader, C or Python) with the size, alias and duplicate-key limits."""

    class Guarded(loader_class):
        def __init__(self, stream):
            if len(stream) > MAX_BYTES:
                raise yaml.YAMLError(f"{len(stream):,} characters: larger than any rule or config "
                                     f"({MAX_BYTES:,} at most)")
            super().__init__(stream)

        def get_single_node(self):
            node = super().get_single_node()
            check_node(node)
            return node

    Guarded.__name__ = f"Guarded{loader_class.__name__}"
    return Guarded
