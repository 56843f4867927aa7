#!/usr/bin/env python3
"""Makes hostile statistics files for the end-to-end cases (issue #21, classes 5 and 6), at
test time: python3 tests/e2e/make_stats.py KIND OUT.db.  Schema 1 as engine/kiosk/stats.c
writes it, in rollback-journal mode (reading it makes no -wal/-shm files)."""
import sqlite3
import sys

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
V = "1.0.0"


def make(path, schema, rows):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = DELETE")
    db.executescript(schema)
    for sql, vals in rows:
        db.executemany(sql, vals)
    db.commit()
    db.close()


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == 'escapes':  # a day, a story id and a scene id with terminal escapes
        make(out, SCHEMA, [
            ("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)",
             [("2026-03-01\x1b[2J", "st\x1b]0;x\x07ory", V, 3, 2, 1), ("=cmd|' /C calc'!A0", "-2+3", V, 1, 1, 0)]),
            # 30 sessions through a decision of two choices: above the small-count rule's 20, so shown
            ("INSERT INTO scenes VALUES (?, ?, ?, ?)", [("st\x1b]0;x\x07ory", V, "sc\x1b[31mene", 30)]),
            ("INSERT INTO choices VALUES (?, ?, ?, ?, ?, ?)", [("st\x1b]0;x\x07ory", V, "sc\x1b[31mene", 1, "\rnext", 20),
                                                             ("st\x1b]0;x\x07ory", V, "sc\x1b[31mene", 2, "other", 10)]),
        ])
    elif kind == 'generated':  # 'day' computed from a 300 MB blob each time it is read
        s = SCHEMA.replace("CREATE TABLE sessions (day TEXT NOT NULL,",
                           "CREATE TABLE sessions (d TEXT NOT NULL, day TEXT GENERATED ALWAYS AS "
                           "(d || zeroblob(300000000)) VIRTUAL,").replace("PRIMARY KEY (day, story, version)",
                                                                          "PRIMARY KEY (d, story, version)")
        make(out, s, [("INSERT INTO sessions (d, story, version, started) VALUES (?, ?, ?, ?)",
                       [("2026-03-01", "s", V, 1)])])
    elif kind == 'trigger':  # a trigger and a view: not Orilla's schema
        make(out, SCHEMA + "CREATE VIEW v AS SELECT * FROM sessions;"
             "CREATE TRIGGER t AFTER INSERT ON sessions BEGIN DELETE FROM scenes; END;", [])
    elif kind == 'overflow':  # two counts whose sum does not fit in 64 bits
        make(out, SCHEMA, [("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?)",
                            [("2026-03-01", "s", V, 2**63 - 1, 0, 0), ("2026-03-02", "s", V, 2**63 - 1, 0, 0)])])
    else:
        sys.exit('usage: make_stats.py escapes|generated|trigger|overflow OUT.db')


if __name__ == '__main__':
    main()
