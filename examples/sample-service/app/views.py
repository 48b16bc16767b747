"""A deliberately vulnerable module: fixture input for Bandit's SARIF output."""

import sqlite3
import subprocess

from jinja2 import Environment, FileSystemLoader

DB_PASSWORD = "canary-hunter2-s3cr3t"


def find_user(conn: sqlite3.Connection, name: str):
    query = "SELECT * FROM users WHERE name = '%s'" % name
    return conn.execute(query).fetchall()


def render(template: str, **values):
    env = Environment(loader=FileSystemLoader("templates"), autoescape=False)
    return env.get_template(template).render(**values)


def ping(host: str) -> str:
    return subprocess.check_output("ping -c 1 " + host, shell=True).decode()
