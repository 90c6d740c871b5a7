#!/usr/bin/env python3
"""Online rebuild benchmark: the same table rebuild offline (`liteshift push`) and online (`push --online`) while
a separate writer process keeps writing and a reader keeps reading, in one run.

The database is bench/rebuild's: `payments` (4,000,000 rows by default, two indexes) and `refunds`, a child with
ON DELETE CASCADE; the change makes payments.amount NOT NULL DEFAULT 0, a rebuild. For each variant a fresh copy
of the base file (WAL mode) gets a writer (writer.py: 500 writes/s open-loop, 40 % inserts, 40 % updates, 20 %
deletes, busy timeout 5 s) and a reader; once both have run steadily for a second the push starts, and a second
after it ends they stop. Reported: the writer's and the reader's max and p99 latency while the push ran (measured
from when each operation was due), failed writes, lost writes (every committed write is checked in the result:
inserted rows present with their values, updated rows with the last committed value, deleted rows and their
refunds gone, the row count), the push's total time, and the online figures over the offline ones. Every result
is also checked for the new NOT NULL, integrity_check and foreign_key_check. Started by ../online.sh.
"""
import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REBUILD = HERE.parent / "rebuild"
DATASET_VERSION = 1
TARGETS = {"max_ms": 100, "p99_ms": 20, "ratio": 2.5}


def main():
    a = parse_args()
    work = Path(a.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    base = work / f"online-base-{a.rows}.db"
    ensure_base(base, a.rows)
    print(f"base: {base.name}, {base.stat().st_size / 1e6:,.0f} MB, {a.rows:,} payments; writer {a.rate:g}/s,"
          f" reader {a.read_rate:g}/s; online --max-lock-ms {a.max_lock_ms}", flush=True)
    variants = [("offline", []), ("online", ["--online", "--max-lock-ms", str(a.max_lock_ms)])]
    results = {name: [] for name, _ in variants}
    for rnd in range(1, a.rounds + 1):
        for name, flags in (variants if rnd % 2 else variants[::-1]):
            r = one(base, work, a, name, flags)
            results[name].append(r)
            print(f"round {rnd}  {name:<7} " + line(r), flush=True)
    report(results)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=4_000_000)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--rate", type=float, default=500, help="writes per second (default 500)")
    p.add_argument("--read-rate", type=float, default=200, help="reads per second (default 200)")
    p.add_argument("--max-lock-ms", type=int, default=7, help="the online push's --max-lock-ms (default 7, liteshift's own)")
    p.add_argument("--work", default=str(ROOT / "bench" / "work"))
    p.add_argument("--wal-cap", type=float, default=4, help="stop a push whose WAL grows past this many times the database")
    return p.parse_args()


def ensure_base(base, rows):
    stamp = base.with_suffix(".version")
    if base.exists() and stamp.exists() and stamp.read_text() == str(DATASET_VERSION):
        return
    print(f"building {base.name} ({rows:,} rows, once)...", flush=True)
    base.unlink(missing_ok=True)
    conn = sqlite3.connect(base, isolation_level=None)
    conn.executescript((REBUILD / "old.sql").read_text())
    populate = (REBUILD / "populate.sql").read_text().replace(":rows", str(rows))
    conn.execute("BEGIN")
    conn.executescript(populate)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    stamp.write_text(str(DATASET_VERSION))


def one(base, work, a, name, flags):
    db = work / "online-run.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(base, db)
    # the copy's pages would otherwise be written back during the push that follows, and its fsyncs would wait for them
    with open(db, "rb+") as f:
        os.fsync(f.fileno())
    os.sync()
    stop = work / "online-stop"
    stop.unlink(missing_ok=True)
    logs = {}
    procs = {}
    for role, rate in (("writer", a.rate), ("reader", a.read_rate)):
        logs[role] = work / f"online-{role}.log"
        ready = work / f"online-{role}.ready"
        ready.unlink(missing_ok=True)
        cmd = [sys.executable, str(HERE / "writer.py"), str(db), "--log", str(logs[role]), "--stop-file", str(stop),
               "--ready-file", str(ready), "--rate", str(rate), "--rows", str(a.rows)] + (["--reader"] if role == "reader" else [])
        procs[role] = (subprocess.Popen(cmd), ready)
    deadline = time.monotonic() + 60
    while not all(r.exists() for _, r in procs.values()):
        if time.monotonic() > deadline or any(p.poll() is not None for p, _ in procs.values()):
            stop.touch()
            sys.exit("the writer or the reader did not start")
        time.sleep(0.05)
    push = [str(ROOT / "liteshift"), "push", "--db", str(db), "--schema", str(REBUILD / "new.sql"), "--yes"] + flags
    load = os.getloadavg()[0]
    out_path, err_path = work / "online-push.out", work / "online-push.err"
    wal = Path(str(db) + "-wal")
    cap = max(a.wal_cap * base.stat().st_size, 1e9)  # a small table legitimately passes 4x while it copies
    t0 = time.monotonic()
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen(push, stdout=out, stderr=err, text=True)
        swapped, wal_max, aborted = None, 0, False
        while proc.poll() is None:
            time.sleep(0.25)
            size = wal.stat().st_size if wal.exists() else 0
            wal_max = max(wal_max, size)
            if swapped is None and stage(db) == "DRAIN":
                swapped = time.monotonic()  # the swap committed: the application uses the new table from here
            if size > cap and not aborted:
                # a WAL that checkpoints cannot keep small would fill the volume: stop the push (it says what it left)
                print(f"  {name}: the WAL passed {size / 1e9:.1f} GB ({a.wal_cap}x the database); stopping the push", flush=True)
                proc.terminate()
                aborted = True
    t1 = time.monotonic()
    done = subprocess.CompletedProcess(push, proc.returncode, out_path.read_text(), err_path.read_text())
    time.sleep(1.0)  # the writer keeps writing after the swap: those writes are checked too
    stop.touch()
    for p, _ in procs.values():
        p.wait(timeout=120)
    if done.returncode != 0 and not aborted:
        sys.exit(f"{name}: push failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    if aborted:
        print("  " + "\n  ".join(done.stderr.strip().splitlines()[-2:]), flush=True)
    writes = read_log(logs["writer"])
    reads = read_log(logs["reader"])
    lost = verify(db, a.rows, writes)
    swap = swapped if swapped is not None else t1
    return {
        "load": (load, os.getloadavg()[0]),
        "total_s": t1 - t0,
        "swap_s": swap - t0,
        "wal_gb": wal_max / 1e9,
        "aborted": aborted,
        "writer": latency(writes, t0, t1),
        "writer_to_swap": latency(writes, t0, swap),
        "reader": latency(reads, t0, t1),
        "failed_writes": sum(1 for w in writes if w["error"]),
        "failed_reads": sum(1 for r in reads if r["error"]),
        "writes": len(writes),
        "lost": lost,
        "errors": sorted({w["error"] for w in writes + reads if w["error"]})[:3],
        "rebuilt": [l for l in done.stdout.splitlines() if l.startswith("rebuilt ")],
    }


def stage(db):
    """The online rebuild's stage from its state table (read-only, a moment's read), or None."""
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            row = c.execute("SELECT stage FROM _liteshift_online").fetchone()
            return row[0] if row else None
        finally:
            c.close()
    except sqlite3.Error:
        return None


def read_log(path):
    out = []
    for raw in path.read_text().splitlines():
        n, kind, key, value, due, end, affected, error = (raw.split("\t") + [""] * 8)[:8]
        out.append({"n": int(n), "kind": kind, "key": int(key), "value": value, "due": float(due), "end": float(end),
                    "affected": int(affected), "error": error})
    return out


def latency(ops, t0, t1):
    """Milliseconds from due to done, for the operations due while the push ran."""
    during = sorted((o["end"] - o["due"]) * 1000 for o in ops if t0 <= o["due"] <= t1)
    if not during:
        return {"n": 0, "max": 0.0, "p99": 0.0, "median": 0.0}
    return {"n": len(during), "max": during[-1], "p99": during[min(len(during) - 1, int(len(during) * 0.99))],
            "median": statistics.median(during)}


def verify(db, rows, writes):
    """Integrity, foreign keys, the new NOT NULL, and every committed write; returns the number of lost writes."""
    conn = sqlite3.connect(db)
    problems = []
    ic = conn.execute("PRAGMA integrity_check").fetchall()
    if ic != [("ok",)]:
        problems.append(f"integrity_check: {ic[:3]}")
    fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append(f"foreign_key_check: {len(fk)} rows")
    notnull = [c for c in conn.execute("PRAGMA table_info(payments)").fetchall() if c[1] == "amount"][0][3]
    if not notnull:
        problems.append("payments.amount is not NOT NULL: the change was not applied")
    expected = {}
    deleted = set()
    inserted = 0
    for w in writes:
        if w["error"]:
            continue
        if w["affected"] != 1:
            problems.append(f"write {w['n']} ({w['kind']} of id {w['key']}) affected {w['affected']} rows")
        if w["kind"] == "insert":
            inserted += 1
            expected[w["key"]] = float(w["value"])
        elif w["kind"] == "update":
            expected[w["key"]] = float(w["value"])
        else:
            deleted.add(w["key"])
            expected.pop(w["key"], None)
    lost = 0
    conn.execute("CREATE TEMP TABLE expected (id INTEGER PRIMARY KEY, amount REAL)")
    conn.executemany("INSERT INTO expected VALUES (?, ?)", expected.items())
    lost += conn.execute("SELECT count(*) FROM expected e LEFT JOIN payments p ON p.id = e.id"
                         " WHERE p.id IS NULL OR p.amount IS NOT e.amount").fetchone()[0]
    conn.execute("CREATE TEMP TABLE gone (id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO gone VALUES (?)", ((k,) for k in deleted))
    lost += conn.execute("SELECT count(*) FROM payments WHERE id IN (SELECT id FROM gone)").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM refunds WHERE payment_id IN (SELECT id FROM gone)").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} refunds of deleted payments remain (the cascade was lost)")
    count = conn.execute("SELECT count(*) FROM payments").fetchone()[0]
    if count != rows + inserted - len(deleted):
        problems.append(f"payments has {count:,} rows, expected {rows + inserted - len(deleted):,}")
    conn.close()
    if problems:
        print("  verification: " + "; ".join(problems[:5]), flush=True)
    return lost + len(problems)


def line(r):
    w, rd = r["writer"], r["reader"]
    return (f"{r['total_s']:7.2f} s (swap at {r['swap_s']:.2f} s, WAL max {r['wal_gb']:.2f} GB{', STOPPED' if r['aborted'] else ''})"
            f"  until the swap: writer max {r['writer_to_swap']['max']:.1f} ms p99 {r['writer_to_swap']['p99']:.1f} ms;  whole push: writer max {w['max']:7.1f} ms p99 {w['p99']:6.1f} ms ({w['n']} writes during)"
            f"  reader max {rd['max']:6.1f} ms p99 {rd['p99']:5.1f} ms  failed {r['failed_writes']}  lost {r['lost']}"
            + f"  load {r['load'][0]:.1f}->{r['load'][1]:.1f}" + (f"  errors {r['errors']}" if r["errors"] else "")
            + "".join("\n    " + l for l in r["rebuilt"]))


def report(results):
    med = {name: {
        "total_s": statistics.median(r["total_s"] for r in rs),
        "swap_s": statistics.median(r["swap_s"] for r in rs),
        "max": max(r["writer"]["max"] for r in rs),
        "p99": statistics.median(r["writer"]["p99"] for r in rs),
        "rmax": max(r["reader"]["max"] for r in rs),
        "rp99": statistics.median(r["reader"]["p99"] for r in rs),
        "failed": sum(r["failed_writes"] for r in rs),
        "lost": sum(r["lost"] for r in rs),
    } for name, rs in results.items()}
    off, on = med["offline"], med["online"]
    print()
    print(f"{'':<22}{'offline':>12}{'online':>12}{'online/offline':>16}   target (online)")
    rows = [("total time (s)", "total_s", f"<= {TARGETS['ratio']}x offline"), ("time to the swap (s)", "swap_s", ""),
            ("writer max (ms)", "max", f"< {TARGETS['max_ms']} ms"),
            ("writer p99 (ms)", "p99", f"< {TARGETS['p99_ms']} ms"), ("reader max (ms)", "rmax", ""), ("reader p99 (ms)", "rp99", ""),
            ("failed writes", "failed", "0"), ("lost writes", "lost", "0")]
    for label, key, target in rows:
        ratio = f"{on[key] / off[key]:.2f}x" if off[key] else "-"
        print(f"{label:<22}{off[key]:>12.1f}{on[key]:>12.1f}{ratio:>16}   {target}")
    met = (on["max"] < TARGETS["max_ms"] and on["p99"] < TARGETS["p99_ms"] and on["failed"] == 0 and on["lost"] == 0
           and on["total_s"] <= TARGETS["ratio"] * off["total_s"])
    print(f"\ntargets {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
