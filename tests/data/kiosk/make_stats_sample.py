#!/usr/bin/env python3
"""Writes stats-sample.db, the statistics database of tests/e2e/cases/kiosk_stats_*.t.

Same schema as engine/kiosk/stats.c (schema version 1), in rollback-journal mode so that
reading it never creates -wal/-shm files beside it. One story id is hostile on purpose
(a comma, quotes, a leading '=' for spreadsheets, a newline): the CSV must keep it one field.
Run it again after changing the schema: python3 make_stats_sample.py
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
