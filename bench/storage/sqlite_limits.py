#!/usr/bin/env python3
"""The machine's physical limit for durable writes: raw SQLite inserts with MotCua's durability
(WAL, synchronous=FULL), one row per transaction (one fsync each) and 32 rows per transaction
(what a group commit of 32 waiting requests does), for SECONDS each (default 3) in a file in
BENCH_TMP (default /var/tmp). Prints RESULT lines like the wrk scripts."""
import os
import sqlite3
import tempfile
import time

seconds = float(os.environ.get("SECONDS_PER_CASE", "3"))
folder = tempfile.mkdtemp(dir=os.environ.get("BENCH_TMP", "/var/tmp"))
path = os.path.join(folder, "limits.db")
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
payload = "x" * 400  # About an audit record's size.
for batch in (1, 32):
    rows = commits = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        db.execute("BEGIN")
        for _ in range(batch):
            db.execute("INSERT INTO t (payload) VALUES (?)", (payload,))
        db.execute("COMMIT")
        rows += batch
        commits += 1
    print(f"RESULT raw_sqlite_insert batch={batch} commits_per_s={commits / seconds:.0f} "
          f"rows_per_s={rows / seconds:.0f}")
db.close()
for name in os.listdir(folder):
    os.remove(os.path.join(folder, name))
os.rmdir(folder)
