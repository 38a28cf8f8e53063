"""Parse YAML while remembering where every key and value stands in the file.

Authors of estate and lesson files need error messages that point at a line and
column; plain ``yaml.safe_load`` forgets positions, so we compose the node tree
ourselves and index every mapping key and value by its path. Composing goes through
``worlds.bounded_yaml``, so no file can expand beyond fixed limits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from worlds.bounded_yaml import BoundedLoader, check_expansion

PathKey = str | int
Path = tuple[PathKey, ...]


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a text file."""

    line: int
    column: int

    @classmethod
    def of(cls, mark: yaml.Mark) -> Position:
        return cls(mark.line + 1, mark.column + 1)


@dataclass
class PositionIndex:
    """Where each value (and each mapping key) of a parsed document starts."""

    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, Position]] = field(default_factory=list)

    def value(self, path: Path) -> Position:
        """The position of the value at ``path``, or of its nearest known ancestor."""
        for length in range(len(path), -1, -1):
            if path[:length] in self.values:
                return self.values[path[:length]]
        return Position(1, 1)

    def key(self, path: Path) -> Position:
        """The position of the key naming ``path``, falling back to its value."""
        return self.keys.get(path) or self.value(path)


@dataclass
class ParsedYaml:
    """Plain Python data plus the positions of everything in it."""

    data: Any
    positions: PositionIndex


def parse_yaml(text: str) -> ParsedYaml:
    """Parse one YAML document; raises ``yaml.YAMLError`` on bad syntax and its
    subclass ``YamlLimitError`` on a file over the limits."""
    loader = BoundedLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, PositionIndex({(): Position(1, 1)}))
        check_expansion(node)
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    positions = PositionIndex()
    _index_node(node, (), positions)
    return ParsedYaml(data, positions)


def _index_node(node: yaml.Node, path: Path, positions: PositionIndex) -> None:
    positions.values[path] = Position.of(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = _scalar_key(key_node)
            child = (*path, key)
            if key in seen:
                positions.duplicate_keys.append((child, Position.of(key_node.start_mark)))
                continue
            seen.add(key)
            positions.keys[child] = Position.of(key_node.start_mark)
            _index_node(value_node, child, positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_node(item, (*path, index), positions)


def _scalar_key(node: yaml.Node) -> str:
    """Mapping keys are indexed as text; callers look paths up with ``str(key)``."""
    return str(node.value) if isinstance(node, yaml.ScalarNode) else str(node.start_mark)
