"""Safe YAML loading that remembers the line of every value, so errors can name it."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor

Path = tuple[str | int, ...]
# YAML's own plain types; no tags that construct objects (!!python/object and the like).
SAFE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp"))


class YamlError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def load(source: str) -> tuple[Any, dict[Path, int]]:
    """The document as plain Python data, and the 1-based line of each value by its path.

    Only YAML's safe types are constructed (CSafeLoader): no tags that build objects.
    """
    try:
        node = yaml.compose(source, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise YamlError(mark.line + 1 if mark else 1, getattr(exc, "problem", None) or str(exc)) from None
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    return _build(node, (), lines, SafeConstructor()), lines


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], scalars: SafeConstructor) -> Any:
    lines[path] = node.start_mark.line + 1
    if node.tag not in SAFE_TAGS:
        raise YamlError(node.start_mark.line + 1, f"the tag {node.tag} is not allowed: only plain YAML values are")
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(_scalar(key_node, scalars))
            if key in result:
                raise YamlError(key_node.start_mark.line + 1, f"duplicate key '{key}'")
            result[key] = _build(value_node, path + (key,), lines, scalars)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, scalars) for i, item in enumerate(node.value)]
    return _scalar(node, scalars)


def _scalar(node: yaml.Node, scalars: SafeConstructor) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise YamlError(node.start_mark.line + 1, "a mapping key must be a plain value")
    try:
        return scalars.construct_object(node)
    except ValueError:  # a timestamp that is not a real date (2027-13-40): the schema reports the string
        return node.value
    except yaml.YAMLError as exc:
        raise YamlError(node.start_mark.line + 1, getattr(exc, "problem", None) or str(exc)) from None


def line_of(lines: dict[Path, int], path: Path) -> int:
    """The line of `path`, or of its nearest ancestor that has one."""
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)
