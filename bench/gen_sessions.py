#!/usr/bin/env python3
"""gen_sessions.py DB N [CRITERIA] - fills DB, a database verdict has already
created (its schema), with N sessions answered against CRITERIA (default
criteria/node-vs-python.yaml), in one transaction, for the benchmarks.

Each session looks like a finished walk-through of the default set: a
project out of 1,000, a respondent, both profile answers, a weight for each
of the criteria, complete with a winner, a margin and a strength (stand-ins: the winner
does not follow from the weights), and an update time one minute
after the one before (after the last one already there, when DB holds
sessions: filling a copy of a file with N more makes one of twice the size). The criteria text is stored once and shared, as
verdict does."""
import hashlib
import os
import re
import sqlite3
import sys

db, n = sys.argv[1], int(sys.argv[2])
path = sys.argv[3] if len(sys.argv) > 3 else "criteria/node-vs-python.yaml"
body = open(path, "rb").read()
# The criteria are the list items after "criteria:", the questions after it.
text = body.decode("utf-8")
crit_part = text.split("\ncriteria:", 1)[1].split("\nquestions:", 1)[0]
criteria = re.findall(r"^  - id: (\S+)", crit_part, re.M)
start = 1_700_000_000


def margin(i):
    """A result's margin as the store keeps it (a REAL, points), varied."""
    return (i * 37 % 400) / 16


def strength(m):
    return "clear" if m >= 10 else "leaning" if m >= 3 else "too-close"


c = sqlite3.connect(db)
c.execute("BEGIN")
c.execute("INSERT OR IGNORE INTO criteria_texts (sha256, body) VALUES (?, ?)",
          (hashlib.sha256(body).hexdigest(), body))
text_id = c.execute("SELECT id FROM criteria_texts WHERE sha256 = ?",
                    (hashlib.sha256(body).hexdigest(),)).fetchone()[0]
base = c.execute("SELECT coalesce(max(id), 0) FROM sessions").fetchone()[0]
c.executemany(
    "INSERT INTO sessions (id, criteria_text_id, criteria_name, criteria_id, criteria_title,"
    " project, respondent, status, step, winner_name, margin, strength, created, updated,"
    " uid)"
    " VALUES (?, ?, ?, 'node-vs-python', 'Node.js or Python for your backend?', ?, ?,"
    " 'complete', ?, ?, ?, ?, ?, ?, ?)",
    ((base + i, text_id, "node-vs-python.yaml (built in)", f"Project {i % 1000}",
      f"Respondent {i}", 22, "Node.js" if i % 3 else "Python", margin(base + i),
      strength(margin(base + i)), start + 60 * (base + i), start + 60 * (base + i) + 30,
      os.urandom(16).hex())
     for i in range(1, n + 1)))
c.executemany(
    "INSERT INTO choices VALUES (?, ?, ?)",
    ((base + i, q, ch) for i in range(1, n + 1)
     for q, ch in (("app_kind", "ecommerce"), ("team_skills", "javascript"))))
c.executemany(
    "INSERT INTO weights VALUES (?, ?, ?)",
    ((base + i, k, (i + j) % 6) for i in range(1, n + 1) for j, k in enumerate(criteria)))
c.commit()
c.close()
