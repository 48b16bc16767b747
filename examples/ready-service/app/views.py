"""The shop's user lookups and page rendering: parameterised SQL, auto-escaped templates."""

import sqlite3

from jinja2 import Environment, FileSystemLoader, select_autoescape


def find_user(conn: sqlite3.Connection, name: str) -> list[tuple[object, ...]]:
    return conn.execute("SELECT id, name, email FROM users WHERE name = ?", (name,)).fetchall()


def render(template: str, **values: object) -> str:
    env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))
    return env.get_template(template).render(**values)
