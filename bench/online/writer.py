#!/usr/bin/env python3
"""The application during the online benchmark: a writer (or, with --reader, a reader) of the payments table.

The writer runs open-loop at --rate operations per second: operation n is due at start + n / rate, whatever the
ones before it did, so a stall shows as the latency of every operation queued behind it (measured from the time
it was due, not from when it could start). Each write is its own BEGIN IMMEDIATE ... COMMIT with the busy timeout
an application would set (5 s), foreign keys on, synchronous=NORMAL (WAL). The mix: 40 % inserts of new rows,
40 % updates of existing rows, 20 % deletes (which cascade to refunds). No value is ever NULL, so every write is
valid under the old schema and the new one. Every operation is logged (due time, end time, latency, rows
affected, error) to --log as tab-separated lines when --stop-file appears; run.py checks each committed write
against the database afterwards.
"""
import argparse
import os
import random
import sqlite3
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("db")
    p.add_argument("--log", required=True)
    p.add_argument("--stop-file", required=True)
    p.add_argument("--ready-file", required=True)
    p.add_argument("--rate", type=float, default=500)
    p.add_argument("--rows", type=int, required=True, help="the base table's ids are 1..rows")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--busy-timeout", type=float, default=5.0)
    p.add_argument("--reader", action="store_true")
    a = p.parse_args()
    conn = sqlite3.connect(a.db, timeout=a.busy_timeout, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    rnd = random.Random(a.seed)
    ops = reader_ops(conn, rnd, a.rows) if a.reader else writer_ops(conn, rnd, a.rows)
    log = []
    start = time.monotonic()
    n = 0
    ready = False
    while not os.path.exists(a.stop_file):
        due = start + n / a.rate
        now = time.monotonic()
        if due > now:
            time.sleep(due - now)
        kind, key, value, run = next(ops)
        error = ""
        affected = -1
        try:
            affected = run()
        except sqlite3.Error as e:
            error = f"{type(e).__name__}: {e}"
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        end = time.monotonic()
        log.append(f"{n}\t{kind}\t{key}\t{value}\t{due:.6f}\t{end:.6f}\t{affected}\t{error}")
        n += 1
        if not ready and n >= a.rate:  # a second of steady operation before the change starts
            open(a.ready_file, "w").close()
            ready = True
    with open(a.log, "w") as f:
        f.write("\n".join(log) + "\n")


def writer_ops(conn, rnd, rows):
    deleted = set()
    inserted = 0
    seq = 0
    while True:
        seq += 1
        r = rnd.random()
        if r < 0.4:
            inserted += 1
            key = rows + 10_000_000 + inserted
            value = seq + 0.5

            def run(key=key, value=value):
                return write(conn, "INSERT INTO payments (id, user_id, email, amount, created_at) VALUES (?, ?, ?, ?, ?)",
                             (key, key % 100000, f"new{key}@example.com", value, "2026-12-03 12:00:00"))
            yield "insert", key, value, run
        elif r < 0.8:
            key = live(rnd, rows, deleted)
            value = seq + 0.25

            def run(key=key, value=value):
                return write(conn, "UPDATE payments SET amount = ?, email = ? WHERE id = ?", (value, f"upd{key}@example.com", key))
            yield "update", key, value, run
        else:
            key = live(rnd, rows, deleted)
            deleted.add(key)

            def run(key=key):
                return write(conn, "DELETE FROM payments WHERE id = ?", (key,))
            yield "delete", key, "", run


def live(rnd, rows, deleted):
    while True:
        key = rnd.randint(1, rows)
        if key not in deleted:
            return key


def write(conn, sql, params):
    conn.execute("BEGIN IMMEDIATE")
    affected = conn.execute(sql, params).rowcount
    conn.execute("COMMIT")
    return affected


def reader_ops(conn, rnd, rows):
    while True:
        key = rnd.randint(1, rows)

        def run(key=key):
            conn.execute("SELECT id, email, amount FROM payments WHERE id = ?", (key,)).fetchall()
            return conn.execute("SELECT count(*) FROM refunds WHERE payment_id BETWEEN ? AND ?", (key, key + 1000)).fetchone()[0]
        yield "read", key, "", run


if __name__ == "__main__":
    sys.exit(main())
