#!/usr/bin/env python3
"""Rebuild benchmark: `liteshift push` against the sqlite3 CLI running the same hand-written 12-step rebuild.

Both variants get a fresh copy of the same database file (the copy is not timed) and run alternately
(liteshift, sqlite3, liteshift, sqlite3, ...). After every run, outside the timing, the result is verified:
row counts, a checksum of the copied values, the new NOT NULL column, PRAGMA integrity_check and
PRAGMA foreign_key_check. Started by ../rebuild.sh, which checks the tools and builds the jar first.
"""
import argparse
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
BENCH_JAR = ROOT / "bench" / "jmh" / "target" / "benchmarks.jar"
TARGET_RATIO = 1.15
DATASET_VERSION = 1  # bump when old.sql or populate.sql change, so cached base files are rebuilt


def main():
    args = parse_args()
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    base = work / f"base-{args.rows}.db"
    ensure_base(base, args.rows)
    expected = fingerprint(base)
    print(f"base: {base.name}, {base.stat().st_size / 1e6:,.0f} MB, {expected['payments']:,} payments, "
          f"{expected['refunds']:,} refunds, {expected['null_amounts']:,} NULL amounts")

    variants = {
        "liteshift": [str(ROOT / "liteshift"), "push", "--db", None, "--schema", str(HERE / "new.sql"), "--yes"],
        "sqlite3": ["sqlite3", None],
    }
    if args.jdbc:  # the same hand-written SQL through liteshift's SQLite build: separates the library from liteshift
        variants["jdbc-sql"] = ["java", "-cp", str(BENCH_JAR), "io.liteshift.bench.ScriptTiming", None, str(HERE / "rebuild.sql")]
    if args.profile:
        profile(base, work)
        return
    times = {name: [] for name in variants}
    cpu = {name: [] for name in variants}
    in_process_ms = []
    copy = work / "run.db"
    for rnd in range(1, args.rounds + 1):
        for name, template in variants.items():
            fresh_copy(base, copy)
            cmd = [str(copy) if part is None else part for part in template]
            stdin = open(HERE / "rebuild.sql", "rb") if name == "sqlite3" else subprocess.DEVNULL
            elapsed, cpu_s, done = timed(cmd, stdin)
            if stdin is not subprocess.DEVNULL:
                stdin.close()
            if done.returncode != 0 or (name == "sqlite3" and done.stdout.strip()):
                sys.exit(f"{name} failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
            verify(copy, expected, name)
            times[name].append(elapsed)
            cpu[name].append(cpu_s)
            applied = re.search(r"Applied \d+ steps \(\d+ changes?\) in (\d+) ms", done.stdout)
            if applied:
                in_process_ms.append(int(applied.group(1)))
            print(f"round {rnd}  {name:<9} {elapsed:8.2f} s  (cpu {cpu_s:6.2f} s)  verified" +
                  (f"   (in-process push: {applied.group(1)} ms)" if applied else ""), flush=True)
    copy.unlink(missing_ok=True)
    report(times, cpu, in_process_ms, args.rows)


def timed(cmd, stdin=subprocess.DEVNULL):
    """Runs cmd; returns wall seconds, CPU seconds (user + system of it and its children) and the completed process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdin=stdin, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def profile(base, work):
    """Where liteshift's time goes: JVM start, then each phase of a push in-process, then the sqlite3 CLI per statement."""
    jar = ROOT / "liteshift-cli" / "target" / "liteshift.jar"
    bench_jar = BENCH_JAR
    for label, cmd in (("./liteshift --help (launcher + JVM start)", [str(ROOT / "liteshift"), "--help"]),
                       ("java -jar liteshift.jar --help (JVM start)", ["java", "-jar", str(jar), "--help"])):
        runs = [timed(cmd)[0] for _ in range(3)]
        print(f"{label:<45} median {statistics.median(runs) * 1000:7.0f} ms")
    copy = work / "run.db"
    fresh_copy(base, copy)
    print("\nliteshift push, phase by phase (PushPhases, in-process):", flush=True)
    subprocess.run(["java", "-cp", str(bench_jar), "io.liteshift.bench.PushPhases", str(copy), str(HERE / "new.sql")], check=True)
    verify(copy, fingerprint(base), "PushPhases")
    fresh_copy(base, copy)
    print("\nthe hand-written rebuild.sql through sqlite-jdbc, liteshift's SQLite build (ScriptTiming):", flush=True)
    subprocess.run(["java", "-cp", str(bench_jar), "io.liteshift.bench.ScriptTiming", str(copy), str(HERE / "rebuild.sql")], check=True)
    verify(copy, fingerprint(base), "ScriptTiming")
    fresh_copy(base, copy)
    print("\nthe same rebuild.sql through the sqlite3 CLI, statement by statement (.timer on):", flush=True)
    with open(HERE / "rebuild.sql", "rb") as script:
        subprocess.run(["sqlite3", "-cmd", ".echo on", "-cmd", ".timer on", str(copy)], stdin=script, check=True)
    verify(copy, fingerprint(base), "sqlite3")
    copy.unlink()


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=4_000_000, help="payments rows (default 4,000,000; try 200000 for a quick run)")
    p.add_argument("--rounds", type=int, default=3, help="runs of each variant, alternating (default 3, at least 3)")
    p.add_argument("--jdbc", action="store_true",
                   help="also time rebuild.sql run through sqlite-jdbc (liteshift's SQLite build) in a JVM, as a third variant")
    p.add_argument("--profile", action="store_true",
                   help="instead of the benchmark, show where the time goes: JVM start, each push phase, each sqlite3 statement")
    p.add_argument("--work", default=str(ROOT / "bench" / "work"), help="where the database files go (default bench/work)")
    args = p.parse_args()
    if args.rows < 400:
        p.error("--rows must be at least 400")
    if args.rounds < 3:
        p.error("--rounds must be at least 3: a median of fewer runs says little")
    return args


def ensure_base(base, rows):
    """Creates the populated database once per row count; later runs reuse it."""
    if base.exists():
        with sqlite3.connect(base) as c:
            if c.execute("PRAGMA user_version").fetchone()[0] == DATASET_VERSION:
                return
        base.unlink()
    print(f"creating {base.name} ({rows:,} rows, not timed)...", flush=True)
    tmp = base.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    t0 = time.perf_counter()
    subprocess.run(["sqlite3", str(tmp),
                    "PRAGMA synchronous = OFF",  # generation speed only; the benchmark runs use the defaults
                    f".read {HERE / 'old.sql'}",
                    f".parameter set :rows {rows}",
                    f".read {HERE / 'populate.sql'}",
                    f"PRAGMA user_version = {DATASET_VERSION}"], check=True)
    tmp.rename(base)
    print(f"created in {time.perf_counter() - t0:.1f} s", flush=True)


def fresh_copy(base, copy):
    for leftover in (copy, Path(str(copy) + "-journal")):
        leftover.unlink(missing_ok=True)
    shutil.copyfile(base, copy)
    os.sync()  # the copy's dirty pages are written now, not during the timed run


def fingerprint(db):
    with sqlite3.connect(db) as c:
        payments, user_sum, amount_total, nulls, max_id = c.execute(
            "SELECT count(*), sum(user_id), total(amount), count(*) - count(amount), max(id) FROM payments").fetchone()
        refunds, refund_sum = c.execute("SELECT count(*), sum(payment_id) FROM refunds").fetchone()
        amount_notnull = [r[3] for r in c.execute("PRAGMA table_info(payments)") if r[1] == "amount"][0]
        indexes = sorted(r[0] for r in c.execute("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'payments'"))
    return dict(payments=payments, user_sum=user_sum, amount_total=round(amount_total, 2), null_amounts=nulls,
                max_id=max_id, refunds=refunds, refund_sum=refund_sum, amount_notnull=amount_notnull, indexes=indexes)


def verify(db, expected, who):
    got = fingerprint(db)
    want = dict(expected, null_amounts=0, amount_notnull=1)  # NULL amounts became the DEFAULT 0: totals unchanged
    if got != want:
        sys.exit(f"{who}: the result differs from the expectation:\n  got  {got}\n  want {want}")
    with sqlite3.connect(db) as c:
        integrity = [r[0] for r in c.execute("PRAGMA integrity_check")]
        orphans = c.execute("PRAGMA foreign_key_check").fetchall()
    if integrity != ["ok"] or orphans:
        sys.exit(f"{who}: integrity_check {integrity[:5]}, foreign_key_check {orphans[:5]}")


def report(times, cpu, in_process_ms, rows):
    med = {name: statistics.median(ts) for name, ts in times.items()}
    ratio = med["liteshift"] / med["sqlite3"]
    print()
    print(f"rows: {rows:,}   rounds: {len(times['sqlite3'])}")
    for name, ts in times.items():
        print(f"  {name:<9} median {med[name]:7.2f} s   runs: " + ", ".join(f"{t:.2f}" for t in ts)
              + f"   cpu median {statistics.median(cpu[name]):.2f} s")
    if in_process_ms:
        inside = statistics.median(in_process_ms) / 1000
        print(f"  liteshift in-process push (median): {inside:.2f} s; outside push() (launcher, JVM start, output): "
              f"{med['liteshift'] - inside:.2f} s")
    if "jdbc-sql" in med:
        print(f"  ratio liteshift / jdbc-sql: {med['liteshift'] / med['jdbc-sql']:.3f}x (what liteshift adds on the same SQLite build);"
              f" jdbc-sql / sqlite3: {med['jdbc-sql'] / med['sqlite3']:.3f}x (the SQLite builds and a JVM)")
    print(f"  ratio liteshift / sqlite3: {ratio:.3f}x (target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")
    print(f"  cpu ratio liteshift / sqlite3: {statistics.median(cpu['liteshift']) / statistics.median(cpu['sqlite3']):.3f}x"
          " (less sensitive to other load on the machine)")


if __name__ == "__main__":
    main()
