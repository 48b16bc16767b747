"""SQL migration text: statements split at `;`, then read for indexes, keys and destructive changes.

A small standard-library tokenizer rather than sqlparse: gonogo only needs statement boundaries
and the leading keywords of DDL, and a tokenizer of a hundred lines that knows the lexical rules
that move a boundary (`'...'` with `''`, `"..."`, backquotes and brackets, `--` and nested `/* */`
comments, PostgreSQL `$tag$...$tag$` bodies, `E'\\''` escapes) is easier to keep exact than a
general SQL grammar. Statements are never executed; their text never reaches the snapshot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_PART = r"(?:\"[^\"]*\"|`[^`]*`|\[[^\]]*\]|[A-Za-z_][A-Za-z0-9_$]*)"
_WORD = re.compile(rf"{_PART}(?:\.{_PART})*|\(|\)|,|[^\s]")


@dataclass
class Statement:
    line: int
    text: str  # comments and string literals blanked; identifiers kept


class SqlError(ValueError):
    """Unterminated string, quoted identifier or comment; `line` is where it starts."""

    def __init__(self, what: str, line: int) -> None:
        super().__init__(f"unterminated {what} starting on line {line}")
        self.line = line


_LEX = re.compile(
    r"""(?P<line>--[^\n]*)
    | (?P<block>/\*)
    | (?P<str>'(?:[^']|'')*')
    | (?P<ident>"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\])
    | (?P<dollar>(?<![A-Za-z0-9_])\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$)
    | (?P<semi>;)
    | (?P<open>['"`\[])""",
    re.VERBOSE | re.DOTALL,
)
_SPECIAL = re.compile(r"[-/'\"`\[$;]")
_ESTR = re.compile(r"'(?:[^'\\]|\\.|'')*'", re.DOTALL)
_COMMENT_MARK = re.compile(r"/\*|\*/")
_COPY_FROM_STDIN = re.compile(r"^COPY\b.*\bFROM\s+STDIN\b", re.IGNORECASE | re.DOTALL)
_UNTERMINATED = {"'": "string", '"': "quoted identifier", "`": "quoted identifier", "[": "quoted identifier"}


def _comment_end(sql: str, i: int, line: int) -> int:
    """Index just past the (nested) block comment opening at sql[i] (raises SqlError)."""
    depth, j = 1, i + 2
    while depth:
        m = _COMMENT_MARK.search(sql, j)
        if m is None:
            raise SqlError("comment", line)
        depth += 1 if m.group(0) == "/*" else -1
        j = m.end()
    return j


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Splitter:
    def __init__(self, first_line: int) -> None:
        self.out: list[Statement] = []
        self.buf: list[str] = []
        self.line = first_line
        self.start: int | None = None

    def text(self, chunk: str) -> None:
        """Ordinary text (or a kept token): starts a statement at its first non-blank character."""
        if self.start is None and chunk.strip():
            self.start = self.line + chunk.count("\n", 0, len(chunk) - len(chunk.lstrip()))
        self.line += chunk.count("\n")
        self.buf.append(chunk)

    def blank(self, original: str, replacement: str) -> None:
        """A comment or literal: kept as replacement (lines counted from the original)."""
        if self.start is None and replacement.strip():
            self.start = self.line
        self.line += original.count("\n")
        self.buf.append(replacement)

    def end(self) -> str:
        text = "".join(self.buf).strip()
        if text:
            self.out.append(Statement(self.start or self.line, text))
        self.buf, self.start = [], None
        return text


def statements(sql: str, first_line: int = 1) -> list[Statement]:
    """Split SQL into statements at top-level `;`, blanking comments and literals (lines kept).

    pg_dump's `COPY ... FROM stdin;` data, up to its `\\.` line, is skipped as data, not SQL."""
    split = _Splitter(first_line)
    i, n = 0, len(sql)
    while i < n:
        special = _SPECIAL.search(sql, i)
        if special is None:
            split.text(sql[i:])
            break
        p = special.start()
        if p > i:
            split.text(sql[i:p])
        escaped = sql[p] == "'" and p > 0 and sql[p - 1] in "eE" and (p < 2 or not _word(sql[p - 2]))
        m = (_ESTR if escaped else _LEX).match(sql, p)
        if m is None:  # a lone - / $ that starts nothing
            split.text(sql[p])
            i = p + 1
            continue
        kind, token = ("str" if escaped else m.lastgroup), m.group(0)
        i = m.end()
        if kind == "line":
            continue
        if kind == "block":
            end = _comment_end(sql, m.start(), split.line)
            split.blank(sql[m.start() : end], " ")
            i = end
        elif kind == "str":
            split.blank(token, "''")
        elif kind == "ident":
            split.text(token.replace("\n", " "))
        elif kind == "dollar":
            end = sql.find(token, i)
            if end < 0:
                raise SqlError("dollar-quoted string", split.line)
            split.blank(sql[m.start() : end + len(token)], "''")
            i = end + len(token)
        elif kind == "open":
            raise SqlError(_UNTERMINATED[token], split.line)
        else:  # ;
            if _COPY_FROM_STDIN.match(split.end()):
                data_end = sql.find("\n\\.", i)
                stop = n if data_end < 0 else data_end + 3
                split.line += sql.count("\n", i, stop)
                i = stop
    split.end()
    return split.out


def _name(token: str) -> str:
    """An identifier, unquoted, lower-cased, without its schema: `"Public"."Users"` -> `users`."""
    parts = re.findall(r"\"([^\"]*)\"|`([^`]*)`|\[([^\]]*)\]|([^.]+)", token)
    last = next((p for p in reversed(parts[-1]) if p), "") if parts else token
    return last.lower()


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _group(tokens: list[str], i: int) -> tuple[list[list[str]], int]:
    """The comma-separated items of the parenthesised group opening at tokens[i]; index after it."""
    items: list[list[str]] = [[]]
    depth, j = 0, i
    while j < len(tokens):
        t = tokens[j]
        if t == "(":
            depth += 1
            if depth > 1:
                items[-1].append(t)
        elif t == ")":
            depth -= 1
            if depth == 0:
                return [it for it in items if it], j + 1
            items[-1].append(t)
        elif t == "," and depth == 1:
            items.append([])
        else:
            items[-1].append(t)
        j += 1
    return [it for it in items if it], j


def _columns(tokens: list[str], i: int) -> tuple[list[str], int]:
    if i >= len(tokens) or tokens[i] != "(":
        return [], i
    items, j = _group(tokens, i)
    # an expression (`lower(email)`, `(a + b)`) is no column: kept as "(expression)"
    return [
        _name(it[0]) if len(it) == 1 or (it[1] != "(" and it[0] != "(") else "(expression)" for it in items
    ], j


@dataclass
class Facts:
    """What a migration changes: indexes, keys, created tables, destructive operations."""

    tables: list[dict[str, Any]] = field(default_factory=list)
    indexes: list[dict[str, Any]] = field(default_factory=list)
    keys: list[dict[str, Any]] = field(default_factory=list)  # primary keys and unique constraints
    foreign_keys: list[dict[str, Any]] = field(default_factory=list)
    constraints: list[dict[str, Any]] = field(default_factory=list)  # check / not null / foreign key
    destructive: list[dict[str, Any]] = field(default_factory=list)
    statements: int = 0

    def index(
        self, table: str, columns: list[str], line: int, *, name: str = "", unique: bool = False
    ) -> None:
        if table and columns:
            self.indexes.append(
                {"table": table, "columns": columns, "name": name, "unique": unique, "line": line}
            )

    def key(self, table: str, columns: list[str], line: int, kind: str) -> None:
        if table and columns:
            self.keys.append({"table": table, "columns": columns, "kind": kind, "line": line})

    def foreign_key(self, table: str, columns: list[str], references: str, line: int) -> None:
        if table and columns:
            self.foreign_keys.append(
                {"table": table, "columns": columns, "references": references, "line": line}
            )
            self.constraint("foreign_key", table, line)

    def constraint(self, kind: str, table: str, line: int) -> None:
        self.constraints.append({"kind": kind, "table": table, "line": line})

    def destroy(self, op: str, target: str, line: int) -> None:
        self.destructive.append({"op": op, "target": target, "line": line})

    def table(self, name: str, line: int) -> None:
        if name:
            self.tables.append({"name": name, "line": line})

    def extend(self, other: Facts) -> None:
        for name in ("tables", "indexes", "keys", "foreign_keys", "constraints", "destructive"):
            getattr(self, name).extend(getattr(other, name))
        self.statements += other.statements


def _skip(tokens: list[str], i: int, *words: str) -> int:
    while i < len(tokens) and tokens[i].upper() in words:
        i += 1
    return i


def _column_def(facts: Facts, table: str, item: list[str], line: int) -> None:
    upper = [t.upper() for t in item]
    column = _name(item[0])
    if "PRIMARY" in upper:
        facts.key(table, [column], line, "primary_key")
    elif "UNIQUE" in upper:
        facts.key(table, [column], line, "unique")
    if "REFERENCES" in upper:
        ref = item[upper.index("REFERENCES") + 1] if upper.index("REFERENCES") + 1 < len(item) else ""
        facts.foreign_key(table, [column], _name(ref), line)
    if "CHECK" in upper:
        facts.constraint("check", table, line)


def _table_element(facts: Facts, table: str, item: list[str], line: int) -> None:
    upper = [t.upper() for t in item]
    j = 2 if upper[0] == "CONSTRAINT" and len(item) > 2 else 0
    head = upper[j] if j < len(upper) else ""
    if head == "PRIMARY" and j + 2 < len(item):
        facts.key(table, _columns(item, j + 2)[0], line, "primary_key")
    elif head == "UNIQUE":
        k = _skip(item, j + 1, "KEY", "INDEX")
        facts.key(table, _columns(item, k)[0], line, "unique")
    elif head == "FOREIGN" and j + 2 < len(item):
        cols, k = _columns(item, j + 2)
        ref = item[k + 1] if k + 1 < len(item) and upper[k] == "REFERENCES" else ""
        facts.foreign_key(table, cols, _name(ref), line)
    elif head == "CHECK":
        facts.constraint("check", table, line)
    elif head in ("KEY", "INDEX"):  # MySQL: KEY idx (cols) inside CREATE TABLE
        k = j + 1 if j + 1 < len(item) and item[j + 1] != "(" else j
        k = k + 1 if k < len(item) and item[k] != "(" else k
        facts.index(table, _columns(item, k)[0], line, name=_name(item[j + 1]) if k > j + 1 else "")
    elif head not in ("CONSTRAINT", "EXCLUDE", "LIKE", "PERIOD"):
        _column_def(facts, table, item, line)


def _create_table(facts: Facts, tokens: list[str], i: int, line: int) -> None:
    i = _skip(tokens, i, "IF", "NOT", "EXISTS")
    if i >= len(tokens):
        return
    table = _name(tokens[i])
    facts.table(table, line)
    if i + 1 < len(tokens) and tokens[i + 1] == "(":
        items, _ = _group(tokens, i + 1)
        for item in items:
            _table_element(facts, table, item, line)


def _create_index(facts: Facts, tokens: list[str], i: int, line: int, unique: bool) -> None:
    i = _skip(tokens, i, "CONCURRENTLY", "IF", "NOT", "EXISTS")
    name = ""
    if i < len(tokens) and tokens[i].upper() != "ON":
        name, i = _name(tokens[i]), i + 1
    if i >= len(tokens) or tokens[i].upper() != "ON":
        return
    i = _skip(tokens, i + 1, "ONLY")
    if i >= len(tokens):
        return
    table = _name(tokens[i])
    i += 1
    if i + 1 < len(tokens) and tokens[i].upper() == "USING":
        i += 2
    facts.index(table, _columns(tokens, i)[0], line, name=name, unique=unique)


def _alter_table(facts: Facts, tokens: list[str], i: int, line: int) -> None:
    i = _skip(tokens, i, "IF", "EXISTS", "ONLY")
    if i >= len(tokens):
        return
    table = _name(tokens[i])
    actions: list[list[str]] = [[]]
    for t in tokens[i + 1 :]:
        if t == "," and actions[-1].count("(") == actions[-1].count(")"):
            actions.append([])
        else:
            actions[-1].append(t)
    for action in actions:
        upper = [t.upper() for t in action]
        if not upper:
            continue
        if upper[0] == "DROP":
            what = upper[1] if len(upper) > 1 else ""
            op = {"CONSTRAINT": "drop_constraint", "INDEX": "drop_index", "KEY": "drop_index"}.get(
                what, "drop_column"
            )
            k = _skip(action, 1, "COLUMN", "CONSTRAINT", "INDEX", "KEY", "IF", "EXISTS")
            target = _name(action[k]) if k < len(action) else ""
            facts.destroy(op, f"{table}.{target}" if target else table, line)
        elif upper[0] == "ADD":
            k = _skip(action, 1, "COLUMN", "IF", "NOT", "EXISTS")
            if k < len(action):
                if upper[k] in ("INDEX", "KEY") and k + 1 < len(action):
                    cols_at = k + 1 if action[k + 1] == "(" else k + 2
                    facts.index(table, _columns(action, cols_at)[0], line, name=_name(action[k + 1]))
                else:
                    _table_element(facts, table, action[k:], line)
        elif upper[0] == "ALTER" and "SET" in upper and "NOT" in upper and "NULL" in upper:
            facts.constraint("not_null", table, line)
        elif upper[0] == "VALIDATE":
            facts.constraint("validate", table, line)


_JUDGED = ("CREATE", "ALTER", "DROP", "TRUNCATE", "DELETE")


def analyse(sql: str, first_line: int = 1) -> Facts:
    """Indexes, keys, tables and destructive operations of an SQL text (raises SqlError)."""
    facts = Facts()
    for statement in statements(sql, first_line):
        facts.statements += 1
        if not statement.text[:8].upper().startswith(_JUDGED):
            continue  # INSERT, UPDATE, SELECT ...: nothing to record
        tokens = _tokens(statement.text)
        upper = [t.upper() for t in tokens[:4]]
        line = statement.line
        if not upper:
            continue
        if upper[0] == "CREATE":
            i = _skip(tokens, 1, "OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED")
            word = tokens[i].upper() if i < len(tokens) else ""
            if word == "TABLE":
                _create_table(facts, tokens, i + 1, line)
            elif word == "UNIQUE" and i + 1 < len(tokens) and tokens[i + 1].upper() == "INDEX":
                _create_index(facts, tokens, i + 2, line, True)
            elif word == "INDEX":
                _create_index(facts, tokens, i + 1, line, False)
        elif upper[0] == "ALTER" and len(upper) > 1 and upper[1] == "TABLE":
            _alter_table(facts, tokens, 2, line)
        elif upper[0] == "DROP" and len(upper) > 1 and upper[1] in ("TABLE", "SCHEMA", "DATABASE"):
            k = _skip(tokens, 2, "IF", "EXISTS")
            facts.destroy(f"drop_{upper[1].lower()}", _name(tokens[k]) if k < len(tokens) else "", line)
        elif upper[0] == "TRUNCATE":
            k = _skip(tokens, 1, "TABLE", "ONLY")
            facts.destroy("truncate", _name(tokens[k]) if k < len(tokens) else "", line)
        elif upper[0] == "DELETE" and "WHERE" not in (t.upper() for t in tokens):
            k = _skip(tokens, 1, "FROM", "ONLY")
            facts.destroy("delete_all_rows", _name(tokens[k]) if k < len(tokens) else "", line)
    return facts
