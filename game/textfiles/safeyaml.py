"""A YAML reader for files from strangers: plain data with the line of every value, or a clean refusal.

PyYAML's ``safe_load`` is safe from code execution but not from the rest: it accepts duplicate keys
silently, lets an alias bomb ("billion laughs") expand into gigabytes later, recurses on deep nesting,
builds self-referencing structures, and reads ``NO`` as false. This reader takes the event stream of
libyaml (``CSafeLoader``: no Python tags can be constructed at all) and builds the Python data itself,
iteratively, so that it can

* refuse duplicate keys, explicit tags other than the plain YAML ones, merge keys, several documents;
* count every node an alias expands into and stop at :data:`MAX_NODES` (bounded time and memory);
* stop at :data:`MAX_DEPTH` levels of nesting before libyaml's cost grows with the depth;
* refuse an alias to an anchor that is still open (a structure that contains itself);
* refuse empty, too large, binary and non-UTF-8 files before parsing;
* remember, for each path (``("events", 3, "title", "en")``), the line and column of the value and of
  its key, and the original text of unquoted scalars that YAML 1.1 turned into something else than text
  (``NO`` -> false, ``1.10`` -> 1.1), so that schema errors can say "write it in quotes".

Example::

    >>> doc = parse_text("id: deck\\nevents:\\n  - {id: a, title: {en: Hi}}\\n", "d.yaml")
    >>> doc.data["events"][0]["id"], doc.where(("events", 0, "title", "en"))
    ('a', (3, 25))
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from game.textfiles.plainwords import bad_date, explain
from game.textfiles.problems import Problem, problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Largest file read, bytes (the whole shipped chronology is about 20 kB).
MAX_BYTES = 2_000_000
#: Most nodes a file may hold once aliases are expanded.
MAX_NODES = 250_000
#: Deepest nesting of mappings and lists (shipped content needs 8).
MAX_DEPTH = 40

Path_ = tuple[Any, ...]
_STD = "tag:yaml.org,2002:"
#: How the bad-scalar message names what YAML expected (a string key of the tables).
_TAG_WORDS = {_STD + "timestamp": "@mods.yaml.a_date", _STD + "int": "@mods.yaml.a_number",
              _STD + "float": "@mods.yaml.a_number", _STD + "bool": "@mods.yaml.true_false"}
_SCHEMA_COMMENT = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


class YamlRefused(Exception):
    """The file cannot be read as safe YAML; ``problem`` says why and where."""

    def __init__(self, found: Problem):
        super().__init__(str(found))
        self.problem = found


class Document:
    """A parsed file: its data and where each value came from.

    The positions (``values``, ``keys``, ``plain``) are found on first use, by reading the text a
    second time: valid content never needs them, and recording a mark for each of the 100,000 nodes
    of a large mod would cost more than the parse itself.
    """

    __slots__ = ("_keys", "_plain", "_values", "data", "file", "max_depth", "max_nodes", "problems", "schema", "text")

    def __init__(self, file: str, data: Any, values: dict[Path_, Any] | None = None,
                 keys: dict[Path_, Any] | None = None, plain: dict[Path_, str] | None = None,
                 schema: str | None = None, problems: list[Problem] | None = None, text: str | None = None,
                 max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH):
        self.file = file
        #: The plain data of the file (dicts, lists, str, int, float, bool, None, dates).
        self.data = data
        self.schema = schema
        self.problems: list[Problem] = problems if problems is not None else []
        #: The text the positions are read from when first needed (None: positions were given).
        self.text = text
        self.max_nodes, self.max_depth = max_nodes, max_depth
        self._values, self._keys, self._plain = values, keys, plain
        if text is None:
            self._values, self._keys, self._plain = values or {}, keys or {}, plain or {}

    def _positions(self) -> None:
        if self._values is None:
            found = _Positions()
            _build(self.text or "", self.file, self.max_nodes, self.max_depth, found)
            self._values, self._keys, self._plain = found.values, found.keys, found.plain

    @property
    def values(self) -> dict[Path_, Any]:
        """path -> libyaml mark of the value (converted to (line, col) by :meth:`where`)."""
        self._positions()
        assert self._values is not None
        return self._values

    @property
    def keys(self) -> dict[Path_, Any]:
        """path -> libyaml mark of the key of a mapping entry."""
        self._positions()
        assert self._keys is not None
        return self._keys

    @property
    def plain(self) -> dict[Path_, str]:
        """Unquoted scalars YAML did not read as text: path -> original text (keys: path + ("[key]",))."""
        self._positions()
        assert self._plain is not None
        return self._plain

    def __repr__(self) -> str:
        return f"Document(file={self.file!r})"

    def where(self, path: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of the nearest enclosing one."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            found = table.get(path[:cut]) or self.values.get(path[:cut])
            if found is not None:
                return (found.line + 1, found.column + 1)
        return (1, 1)

    def resolve(self, loc: Path_) -> Path_:
        """Map a pydantic error location onto a path of this document, skipping the parts it added
        (verb names, field names of one-argument verbs, union branches)."""
        path: list[Any] = []
        for part in loc:
            candidate = (*path, part)
            if candidate in self.values:
                path.append(part)
        return tuple(path)


def _fail(file: str, mark: Any, check: str, key: str, **params: object) -> YamlRefused:
    where = (mark.line + 1, mark.column + 1) if mark is not None else None
    return YamlRefused(problem(file, where, "error", check, f"yaml.{key}", **params))


def schema_comment(text: str) -> str | None:
    """The ``$schema`` of a ``# yaml-language-server: $schema=...`` comment in the first lines, if any."""
    for line in text.split("\n", 5)[:5]:  # (without splitting the rest of a large file)
        found = _SCHEMA_COMMENT.search(line)
        if found:
            return found.group(1)
    return None


def decode(raw: bytes, file: str, max_bytes: int = MAX_BYTES) -> str:
    """Check the bytes of a file and decode them as UTF-8, or raise :class:`YamlRefused`."""
    if len(raw) > max_bytes:
        raise YamlRefused(problem(file, None, "error", "too_large", "yaml.too_large",
                                  size=len(raw), limit=max_bytes))
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or raw[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        raise YamlRefused(problem(file, (1, 1), "error", "encoding", "yaml.utf16"))
    if b"\x00" in raw:
        # Text with a NUL every other byte is UTF-16 without its byte-order mark; anything else is binary.
        head = raw[:200]
        if head[1::2].count(0) > len(head) // 3 or head[0::2].count(0) > len(head) // 3:
            raise YamlRefused(problem(file, (1, 1), "error", "encoding", "yaml.utf16"))
        raise YamlRefused(problem(file, None, "error", "binary", "yaml.binary"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        bad = sum(1 for b in raw[:4096] if b < 9 or 13 < b < 32)
        if bad > 8:
            raise YamlRefused(problem(file, None, "error", "binary", "yaml.binary")) from None
        raise YamlRefused(problem(file, (line, col), "error", "encoding", "yaml.not_utf8",
                                  byte=f"0x{raw[exc.start]:02x}")) from None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise YamlRefused(problem(file, None, "error", "empty", "yaml.empty"))
    return text


_RESOLVER = Resolver()
_CONSTRUCT = SafeConstructor()
_BUILDERS = {
    _STD + "int": _CONSTRUCT.construct_yaml_int,
    _STD + "float": _CONSTRUCT.construct_yaml_float,
    _STD + "bool": _CONSTRUCT.construct_yaml_bool,
    _STD + "null": _CONSTRUCT.construct_yaml_null,
    _STD + "timestamp": _CONSTRUCT.construct_yaml_timestamp,
}
_ALLOWED_TAGS = {None, "!", _STD + "str", _STD + "seq", _STD + "map", *_BUILDERS}
_HASHABLE = (str, int, float, bool, type(None))
#: What one file's plain (unquoted, untagged) scalars resolved to: text -> (value, is text). Plain scalars
#: repeat within a file (ids, language keys, numbers), and resolving them through PyYAML's regular
#: expressions is the slow part of reading a scalar. The values are immutable (str, int, float, bool,
#: None, dates), so sharing them within the file is safe.
_Resolved = dict[str, tuple[Any, bool]]


def _construct(tag: str, value: str, mark: Any, file: str) -> Any:
    build = _BUILDERS.get(tag)
    if build is None:
        raise _fail(file, mark, "unsafe_tag", "tag", tag=tag)
    try:
        return build(yaml.ScalarNode(tag, value, mark, mark))
    except (ConstructorError, ValueError):
        wrong = bad_date(value) if tag == _STD + "timestamp" else None
        if wrong is not None:  # 2022-02-30: say that the date does not exist, not what the parser wanted
            raise _fail(file, mark, "yaml_syntax", wrong[0][5:], **wrong[1]) from None
        raise _fail(file, mark, "yaml_syntax", "bad_scalar", value=value, tag=_TAG_WORDS.get(tag, tag)) from None


def _plain_scalar(value: str, mark: Any, file: str, resolved: _Resolved) -> tuple[Any, bool]:
    """The value of an unquoted, untagged scalar (YAML 1.1 rules) and whether it is text."""
    found = resolved.get(value)
    if found is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
        if tag == _STD + "merge":
            raise _fail(file, mark, "unsafe_tag", "merge_key")
        is_text = tag in (_STD + "str", _STD + "value")
        found = (value, True) if is_text else (_construct(tag, value, mark, file), False)
        resolved[value] = found
    return found


def _scalar(event: yaml.ScalarEvent, file: str, resolved: _Resolved) -> tuple[Any, bool]:
    """The value of a scalar event and whether it is unquoted text YAML read as something else."""
    tag = event.tag
    if tag in (None, "!"):
        if not event.implicit[0] or tag == "!":  # quoted, or the non-specific tag: text
            return event.value, False
        value, is_text = _plain_scalar(event.value, event.start_mark, file, resolved)
        return value, not is_text
    if tag in (_STD + "str", _STD + "value"):
        return event.value, False
    return _construct(tag, event.value, event.start_mark, file), event.implicit[0]


class _Positions:
    """Where each value, key and unquoted non-text scalar of a document is (filled by :func:`_build`)."""

    __slots__ = ("keys", "plain", "problems", "values")

    def __init__(self) -> None:
        self.values: dict[Path_, Any] = {}
        self.keys: dict[Path_, Any] = {}
        self.plain: dict[Path_, str] = {}
        self.problems: list[Problem] = []


class _Duplicate(Exception):
    """A duplicate key seen while reading without positions: read again with them, to report it."""


_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAP_START, _SEQ_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAP_END, _SEQ_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DOC_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent


def _build(text: str, file: str, max_nodes: int, max_depth: int, where: _Positions | None) -> Any:
    """The data of one YAML document, built from libyaml's events; raise :class:`YamlRefused`.

    Every safety check happens here, as the events arrive: tags, merge keys, several documents,
    depth (before libyaml goes deeper), node count with aliases counted at their expanded size
    (before anything is expanded: an alias shares the anchored object), aliases to open anchors.
    With ``where`` the positions of every value and key are recorded too, and duplicate keys are
    listed in ``where.problems``; without it (the fast path) a duplicate key raises :class:`_Duplicate`.

    The loop is written flat, with the current container in local variables, because it runs once per
    node: a 2,000-event mod has 200,000 of them.
    """
    record = where is not None
    stack: list[tuple[Any, ...]] = []
    anchors: dict[str, tuple[Any, int]] = {}
    open_anchors: set[str] = set()
    count = documents = depth = 0
    root: Any = None
    root_set = False
    # The container being filled: the object, list or not, its pending key, anchor, node count at its
    # start, its mark, and (when recording) its path.
    cont: Any = None
    is_list = has_key = False
    key: Any = None
    anchor: str | None = None
    start = 0
    path: Path_ = ()
    mark: Any = None
    # Locals are faster than globals in a loop that runs once per node.
    resolved: _Resolved = {}
    plain_scalar, scalar_kind, hashable = _plain_scalar, _SCALAR, _HASHABLE
    map_start, seq_start, map_end, seq_end, alias_kind = _MAP_START, _SEQ_START, _MAP_END, _SEQ_END, _ALIAS
    loader = _Loader(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            plain_text = None
            if kind is scalar_kind:
                count += 1
                value = event.value
                tag = event.tag
                if tag is None:
                    if event.implicit[0]:  # unquoted: YAML 1.1 decides what it is
                        found = resolved.get(value)
                        if found is None:
                            found = plain_scalar(value, event.start_mark, file, resolved)
                        if not found[1]:
                            plain_text = value
                            value = found[0]
                else:
                    value, plain = _scalar(event, file, resolved)
                    plain_text = event.value if plain and not isinstance(value, str) else None
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                if count > max_nodes:
                    raise _fail(file, event.start_mark, "too_large", "too_many_nodes", limit=max_nodes)
                value_mark = event.start_mark if record else None
            elif kind is map_start or kind is seq_start:
                if event.tag not in _ALLOWED_TAGS:
                    raise _fail(file, event.start_mark, "unsafe_tag", "tag", tag=event.tag)
                if depth >= max_depth:
                    raise _fail(file, event.start_mark, "too_deep", "too_deep", limit=max_depth)
                count += 1
                if count > max_nodes:
                    raise _fail(file, event.start_mark, "too_large", "too_many_nodes", limit=max_nodes)
                if record:
                    if depth == 0:
                        child: Path_ = ()
                    elif is_list:
                        child = (*path, len(cont))
                    else:
                        child = (*path, key) if has_key else (*path, "[key]")
                stack.append((cont, is_list, has_key, key, anchor, start, path, mark))
                if record:
                    path = child
                mark = event.start_mark
                depth += 1
                is_list = kind is seq_start
                cont = [] if is_list else {}
                has_key, key, anchor, start = False, None, event.anchor, count
                if anchor:
                    open_anchors.add(anchor)
                continue
            elif kind is map_end or kind is seq_end:
                value, value_mark = cont, mark
                if anchor:
                    open_anchors.discard(anchor)
                    anchors[anchor] = (cont, count - start + 1)
                cont, is_list, has_key, key, anchor, start, path, mark = stack.pop()
                depth -= 1
            elif kind is alias_kind:
                name = event.anchor
                if name in open_anchors:
                    raise _fail(file, event.start_mark, "self_alias", "self_alias", anchor=name)
                if name not in anchors:
                    raise _fail(file, event.start_mark, "yaml_syntax", "unknown_alias", anchor=name)
                value, size = anchors[name]
                count += size
                if count > max_nodes:
                    raise _fail(file, event.start_mark, "alias_bomb", "alias_bomb", limit=max_nodes)
                value_mark = event.start_mark
            elif kind is _STREAM_END:
                break
            else:
                if kind is _DOC_START:
                    documents += 1
                    if documents > 1:
                        raise _fail(file, event.start_mark, "yaml_syntax", "several_documents")
                continue
            # Deliver the value to the container being filled.
            if depth == 0:
                root, root_set = value, True
                if where is not None:
                    where.values[()] = value_mark
            elif is_list:
                if where is not None:
                    here = (*path, len(cont))
                    where.values[here] = value_mark
                    if plain_text is not None:
                        where.plain[here] = plain_text
                cont.append(value)
            elif not has_key:
                if type(value) is not str and not isinstance(value, hashable):  # nearly every key is text
                    # A scalar (a date) has no recorded mark on the fast path: its event has it.
                    raise _fail(file, value_mark if value_mark is not None else event.start_mark, "yaml_syntax",
                                "complex_key")
                if where is None:
                    if value in cont:
                        raise _Duplicate
                else:
                    here = (*path, value)
                    if value in cont:
                        first = where.keys.get(here, value_mark)
                        where.problems.append(problem(file, (value_mark.line + 1, value_mark.column + 1), "error",
                                                      "duplicate_key", "yaml.duplicate_key", name=value,
                                                      first=first.line + 1))
                    else:
                        where.keys[here] = value_mark
                    if plain_text is not None:
                        where.plain[(*here, "[key]")] = plain_text
                key, has_key = value, True
            else:
                if where is None:
                    cont[key] = value
                else:
                    here = (*path, key)
                    if here not in where.values:  # a duplicate key keeps its first value
                        cont[key] = value
                        where.values[here] = value_mark
                        if plain_text is not None:
                            where.plain[here] = plain_text
                has_key = False
    except yaml.MarkedYAMLError as exc:
        problem_mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or exc.context or "?"
        if problem_mark is not None:  # the usual mistakes in plain words, at the line they were made
            plain = explain(text, file, problem_mark.line + 1, problem_mark.column + 1)
            if plain is not None:
                raise YamlRefused(plain) from None
        raise _fail(file, problem_mark, "yaml_syntax", "syntax", detail=detail) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        raise YamlRefused(problem(file, None, "error", "yaml_syntax", "yaml.syntax", detail=str(exc))) from None
    finally:
        loader.dispose()
    if not root_set or root is None:
        raise YamlRefused(problem(file, None, "error", "empty", "yaml.empty"))
    return root


def parse_text(text: str, file: str, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Document:
    """Build the data of one YAML document, or raise :class:`YamlRefused`; positions come on demand.

    Duplicate keys do not stop the reading: they are all listed in ``Document.problems``.
    """
    schema = schema_comment(text)
    try:
        data = _build(text, file, max_nodes, max_depth, None)
    except _Duplicate:  # rare: read again, recording positions, to list every duplicate with its lines
        where = _Positions()
        data = _build(text, file, max_nodes, max_depth, where)
        return Document(file, data, where.values, where.keys, where.plain, schema, where.problems)
    return Document(file, data, schema=schema, text=text, max_nodes=max_nodes, max_depth=max_depth)


def read_raw(path: Path, file: str | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, refusing a file too large before reading it; raise :class:`YamlRefused`."""
    name = file or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # refuse before reading a byte of it
            raise YamlRefused(problem(name, None, "error", "too_large", "yaml.too_large", size=size, limit=max_bytes))
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise YamlRefused(problem(name, None, "error", "unreadable", "yaml.unreadable",
                                  reason=exc.strerror or type(exc).__name__)) from None


def read_document(path: Path, file: str | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Read, check and parse one file; raise :class:`YamlRefused` with the reason.

    Example::

        >>> read_document(Path("scenarios/world.yaml")).data["id"]  # doctest: +SKIP
        'world'
    """
    name = file or str(path)
    return parse_text(decode(read_raw(path, name, max_bytes), name, max_bytes), name)
