"""YAML that cannot eat the machine: limits on size, nesting and aliases.

A 400-byte file of nested aliases ("billion laughs") expands to 387 million values, and
500 nested brackets exhaust Python's recursion. Estate and lesson files are a few
kilobytes, so generous fixed limits cost their authors nothing and bound every load in
memory and time. A file over a limit gets one `file:line` message saying which limit.
"""

from __future__ import annotations

import yaml

from worlds.language import _, number

MAX_FILE_BYTES = 256 * 1024
"""The shipped files are under 16 KB each."""
MAX_DEPTH = 40
"""Lists and mappings inside each other; the deepest shipped file nests 8 levels."""
MAX_ALIASES = 100
"""`*name` references to an `&name` anchor."""
MAX_VALUES = 100_000
"""Values after expanding every alias; the largest shipped file holds about 2,000."""


class YamlLimitError(yaml.MarkedYAMLError):
    """A file over one of the limits; `problem` says which, `problem_mark` where."""


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader that counts nesting and aliases while it composes."""

    def __init__(self, text: str) -> None:
        if len(text) > MAX_FILE_BYTES:
            raise YamlLimitError(problem=too_large_message())
        super().__init__(text)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        mark = self.peek_event().start_mark
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                message = _(
                    "more than %(limit)s aliases (*name): write the values out instead",
                    limit=number(MAX_ALIASES),
                )
                raise YamlLimitError(problem=message, problem_mark=mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlLimitError(problem=_too_deep_message(), problem_mark=mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def too_large_message() -> str:
    return _(
        "the file is larger than %(limit)s KB, the most a data file may hold: "
        "split it or remove what it does not need",
        limit=number(MAX_FILE_BYTES // 1024),
    )


def _too_deep_message() -> str:
    return _(
        "lists and mappings are nested more than %(limit)s levels deep: "
        "check for brackets [ or { that are never closed",
        limit=number(MAX_DEPTH),
    )


def check_expansion(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand it past `MAX_VALUES` values or `MAX_DEPTH`
    levels, or refer to themselves; measured on the node graph, so it costs one visit
    of each node, not of each expanded value."""
    _measure(root, 1, {}, set())


def _measure(
    node: yaml.Node, depth: int, measured: dict[int, tuple[int, int]], open_nodes: set[int]
) -> tuple[int, int]:
    """(values, levels) of `node` once every alias below it is expanded."""
    if depth > MAX_DEPTH:
        raise YamlLimitError(problem=_too_deep_message(), problem_mark=node.start_mark)
    key = id(node)
    if key in measured:
        values, levels = measured[key]
        if depth + levels - 1 > MAX_DEPTH:
            raise YamlLimitError(problem=_too_deep_message(), problem_mark=node.start_mark)
        return values, levels
    if key in open_nodes:
        message = _("an alias (*name) refers to the list or mapping it stands in")
        raise YamlLimitError(problem=message, problem_mark=node.start_mark)
    open_nodes.add(key)
    values, levels = 1, 1
    for child in _children(node):
        child_values, child_levels = _measure(child, depth + 1, measured, open_nodes)
        values += child_values
        levels = max(levels, child_levels + 1)
        if values > MAX_VALUES:
            message = _(
                "the file holds more than %(limit)s values (counting each use of an alias "
                "*name in full): use fewer aliases, or split the file",
                limit=number(MAX_VALUES),
            )
            raise YamlLimitError(problem=message, problem_mark=node.start_mark)
    open_nodes.discard(key)
    measured[key] = (values, levels)
    return values, levels


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []
