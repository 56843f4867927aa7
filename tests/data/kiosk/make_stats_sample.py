#!/usr/bin/env python3
"""Writes stats-sample.db, the statistics database of tests/e2e/cases/kiosk_stats_*.t.

Same schema as engine/kiosk/stats.c (schema version 1), in rollback-journal mode so that
reading it never creates -wal/-shm files beside it. One story id is hostile on purpose
(a comma, quotes, a leading '=' for spreadsheets, a newline): the CSV must keep it one field.
Run it again after changing the schema: python3 make_stats_sample.py

stats-sample.db stays at schema 1 on purpose (Orilla reads older files). It also writes the
schema-2 files of tests/e2e/cases/kiosk_stats_merge*.t: merge-k1.db and merge-k2.db (two
kiosks, each with its identity), and merge-k1-old.db (an older copy of merge-k1.db).
"""
import os
import sqlite3

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "stats-sample.db")

SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE sessions (day TEXT NOT NULL, story TEXT NOT NULL, version TEXT NOT NULL,
 started INTEGER NOT NULL DEFAULT 0, finished INTEGER NOT NULL DEFAULT 0,
 abandoned INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (day, story, version)) WITHOUT ROWID;
CREATE TABLE choices (story TEXT NOT NULL, version TEXT NOT NULL, scene TEXT NOT NULL,
 choice INTEGER NOT NULL, target TEXT NOT NULL DEFAULT '', count INTEGER NOT NULL DEFAULT 0,
 PRIMARY KEY (story, version, scene, choice)) WITHOUT ROWID;
CREATE TABLE scenes (story TEXT NOT NULL, version TEXT NOT NULL, scene TEXT NOT NULL,
 sessions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, scene)) WITHOUT ROWID;
CREATE TABLE endings (story TEXT NOT NULL, version TEXT NOT NULL, scene TEXT NOT NULL,
 count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, scene)) WITHOUT ROWID;
CREATE TABLE languages (story TEXT NOT NULL, version TEXT NOT NULL, lang TEXT NOT NULL,
 sessions INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (story, version, lang)) WITHOUT ROWID;
INSERT INTO schema_version VALUES (1);
"""

if os.path.exists(PATH):
    os.remove(PATH)
db = sqlite3.connect(PATH)
db.execute("PRAGMA journal_mode = DELETE")
db.executescript(SCHEMA)
V = "1.0.0"
db.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)", [
    ("2026-03-01", "tres-caminos", V, 30, 21, 9),
    ("2026-03-02", "tres-caminos", V, 12, 8, 4),
    ("2026-03-01", '=HYPERLINK("x"),evil\nid', V, 1, 0, 1),
])
db.executemany("INSERT INTO languages VALUES (?, ?, ?, ?)", [
    ("tres-caminos", V, "es", 25), ("tres-caminos", V, "ar", 10), ("tres-caminos", V, "en", 7),
])
db.executemany("INSERT INTO scenes VALUES (?, ?, ?, ?)", [
    ("tres-caminos", V, "inicio", 42), ("tres-caminos", V, "marisol-1", 20),
    ("tres-caminos", V, "andres-1", 13), ("tres-caminos", V, "carmen-1", 9),
])
db.executemany("INSERT INTO choices VALUES (?, ?, ?, ?, ?, ?)", [
    ("tres-caminos", V, "inicio", 1, "marisol-1", 20),
    ("tres-caminos", V, "inicio", 2, "andres-1", 13),
    ("tres-caminos", V, "inicio", 3, "carmen-1", 9),
    ("tres-caminos", V, "marisol-1", 1, "marisol-2", 15),
    ("tres-caminos", V, "marisol-1", 2, "marisol-3", 5),
])
db.executemany("INSERT INTO endings VALUES (?, ?, ?, ?)", [
    ("tres-caminos", V, "marisol-fin", 12), ("tres-caminos", V, "andres-fin", 9), ("tres-caminos", V, "carmen-fin", 8),
])
db.commit()
db.close()
print("wrote", PATH)


def kiosk_file(name, ident, sessions, choices):
    """A schema-2 kiosk file: sessions = [(day, started, finished, abandoned)] of story
    "tres-caminos" 1.0.0; choices = [(scene, choice, target, count)]."""
    path = os.path.join(HERE, name)
    if os.path.exists(path):
        os.remove(path)
    k = sqlite3.connect(path)
    k.execute("PRAGMA journal_mode = DELETE")
    k.executescript(SCHEMA.replace("VALUES (1)", "VALUES (2)") +
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;")
    k.executemany("INSERT INTO meta VALUES (?, ?)", [("id", ident), ("kind", "kiosk")])
    for day, st, fi, ab in sessions:
        k.execute("INSERT INTO sessions VALUES (?, 'tres-caminos', ?, ?, ?, ?)", (day, V, st, fi, ab))
    k.execute("INSERT INTO languages VALUES ('tres-caminos', ?, 'es', ?)", (V, sum(x[1] for x in sessions)))
    k.execute("INSERT INTO scenes VALUES ('tres-caminos', ?, 'inicio', ?)",
              (V, sum(x[2] + x[3] for x in sessions)))
    for scene, choice, target, count in choices:
        k.execute("INSERT INTO choices VALUES ('tres-caminos', ?, ?, ?, ?, ?)", (V, scene, choice, target, count))
    k.commit()
    k.close()
    print("wrote", path)


K1 = "1a" * 16
K2 = "2b" * 16
kiosk_file("merge-k1-old.db", K1, [("2026-03-01", 5, 4, 1)],
           [("inicio", 1, "marisol-1", 3), ("inicio", 2, "andres-1", 2)])
kiosk_file("merge-k1.db", K1, [("2026-03-01", 5, 4, 1), ("2026-03-02", 6, 5, 1)],
           [("inicio", 1, "marisol-1", 7), ("inicio", 2, "andres-1", 4)])
kiosk_file("merge-k2.db", K2, [("2026-03-02", 9, 9, 0)],
           [("inicio", 1, "marisol-1", 2), ("inicio", 3, "carmen-1", 7)])
