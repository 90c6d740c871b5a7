#!/usr/bin/env python3
"""Migrate benchmark: liteshift against Flyway on the same N migrations, whole process, from the shell.

Two measurements, each variant a fresh process (JVM start included), alternating liteshift and Flyway and
swapping who goes first every round:

  scratch  apply all N migrations to a database file that does not exist yet
  noop     `migrate` on a database where all N are applied already: read the history, check every file, do nothing

Both tools get byte-identical SQL (bench/migrate/generate.py). Every run is verified afterwards, outside the
timing: `liteshift status` exits 0 (up to date) for liteshift's file, the schema equals a reference database built by running the same SQL with Python's sqlite3 module
(tables, columns, indexes, views and row counts), the history table holds N rows, integrity_check is ok,
foreign_key_check is empty; a no-op run must leave the history exactly as it was. Started by ../migrate.sh,
which builds both tools first, so no build is ever timed.
"""
import argparse
import hashlib
import json
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
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (next to this file)

FLYWAY_DIR = ROOT / "bench" / "flyway" / "target"
TARGET_RATIO = 0.5
TOOLS = ("liteshift", "flyway")
INTERNAL = ("sqlite_", "liteshift_", "flyway_")  # objects that belong to SQLite or to a tool's history


def main():
    args = parse_args()
    tools = [t for t in TOOLS if t in args.tools.split(",")]
    work = Path(args.work).resolve() / f"migrate-{args.migrations}"
    dirs = prepare(work, args.migrations, "liteshift" in tools)
    if args.prepare:
        print(work)
        return
    expected = reference(work, dirs["liteshift"])
    if args.profile:
        profile(work, dirs, expected, args.migrations)
        return
    commands = {
        "liteshift": lambda db: [str(ROOT / "liteshift"), "migrate", "--db", str(db), "--dir", str(dirs["liteshift"]), "--create"],
        "flyway": lambda db: ["java", "-cp", flyway_classpath(), "io.liteshift.bench.flyway.FlywayMigrate",
                              f"jdbc:sqlite:{db}", f"filesystem:{dirs['flyway']}"],
    }
    status_command = lambda db: [str(ROOT / "liteshift"), "status", "--db", str(db), "--dir", str(dirs["liteshift"])]
    print(f"{args.migrations} migrations: {expected['counts']['tables']} tables created, "
          f"{expected['counts']['added_columns']} columns added, {expected['counts']['indexes']} indexes, "
          f"{expected['counts']['views']} views, {sum(expected['counts']['rows'].values())} rows inserted")
    print(f"load average at start: {load()}", flush=True)

    # Untimed: each tool builds its own fully migrated database once (the no-op runs use it), and the JVMs,
    # jars and migration files are in the page cache before the first timed run.
    applied = {}
    for tool in tools:
        applied[tool] = work / f"{tool}-applied.db"
        remove_db(applied[tool])
        done = run(commands[tool](applied[tool]))[2]
        check_exit(tool, "setup", done)
        verify(applied[tool], tool, expected, args.migrations)
        if tool == "liteshift":
            check_exit(tool, "status (must say up to date)", run(status_command(applied[tool]))[2])
        print(f"setup   {tool:<9} applied {args.migrations} migrations, verified; file: {describe(applied[tool])}", flush=True)

    times = {(kind, tool): [] for kind in ("scratch", "noop") for tool in tools}
    cpu = {key: [] for key in times}
    inside = {key: [] for key in times}
    scratch_db = work / "scratch.db"
    for rnd in range(1, args.rounds + 1):
        order = tools if rnd % 2 == 1 else list(reversed(tools))
        for kind in ("scratch", "noop"):
            for tool in order:
                if kind == "scratch":
                    db = scratch_db
                    remove_db(db)
                    os.sync()  # the deletion's writes happen now, not in the timed run
                else:
                    db = applied[tool]
                    before = history(db, tool)
                elapsed, cpu_s, done = run(commands[tool](db))
                check_exit(tool, kind, done)
                verify(db, tool, expected, args.migrations)
                if tool == "liteshift":
                    check_exit(tool, "status (must say up to date)", run(status_command(db))[2])
                if kind == "noop" and history(db, tool) != before:
                    sys.exit(f"{tool}: a no-op migrate changed the history table")
                times[(kind, tool)].append(elapsed)
                cpu[(kind, tool)].append(cpu_s)
                ms = in_process_ms(done.stdout + done.stderr)
                if ms is not None:
                    inside[(kind, tool)].append(ms)
                print(f"round {rnd}  {kind:<7} {tool:<9} {elapsed:7.3f} s  (cpu {cpu_s:6.3f} s)  verified"
                      + (f"   (reported by the tool: {ms} ms)" if ms is not None else ""), flush=True)
        print(f"         load average: {load()}", flush=True)
    remove_db(scratch_db)
    report(times, cpu, inside, tools, args)


def profile(work, dirs, expected, n):
    """Where the time goes, for both tools: JVM start against work, in-process phases, and the disk's share."""
    jar = str(ROOT / "liteshift-cli" / "target" / "liteshift.jar")
    bench_jar = str(ROOT / "bench" / "jmh" / "target" / "benchmarks.jar")
    fw_main = ["java", "-cp", flyway_classpath(), "io.liteshift.bench.flyway.FlywayMigrate"]
    applied = {tool: work / f"{tool}-applied.db" for tool in TOOLS}
    for tool in TOOLS:
        if not applied[tool].exists():
            sys.exit(f"run bench/migrate.sh --migrations {n} first: it leaves {applied[tool].name} for the profile")
    ls_noop = ["migrate", "--db", str(applied["liteshift"]), "--dir", str(dirs["liteshift"]), "--create"]
    fw_noop = [f"jdbc:sqlite:{applied['flyway']}", f"filesystem:{dirs['flyway']}"]
    cds = work / "liteshift-noop.jsa"
    fw_cds = work / "flyway-noop.jsa"
    for archive, cmd in ((cds, ["java", f"-XX:ArchiveClassesAtExit={cds}", "-jar", jar] + ls_noop),
                         (fw_cds, fw_main[:1] + [f"-XX:ArchiveClassesAtExit={fw_cds}"] + fw_main[1:] + fw_noop)):
        if not archive.exists():
            run(cmd)
    print(f"load average at start: {load()}")
    print("\n1. JVM start against work: medians of 7 runs, wall (cpu)")
    rows = [
        ("JVM only: java -cp <Flyway's classpath> FlywayMigrate (usage, exit 2)", fw_main, {2}),
        ("java -jar liteshift.jar --help (JVM, picocli, help text)", ["java", "-jar", jar, "--help"], {0}),
        ("./liteshift --help (+ the launcher's staleness check)", [str(ROOT / "liteshift"), "--help"], {0}),
        ("no-op: ./liteshift migrate (as benchmarked)", [str(ROOT / "liteshift")] + ls_noop, {0}),
        ("no-op: java -jar liteshift.jar migrate (no launcher)", ["java", "-jar", jar] + ls_noop, {0}),
        ("no-op: Flyway (as benchmarked)", fw_main + fw_noop, {0}),
        ("experiment: liteshift, -XX:TieredStopAtLevel=1", ["java", "-XX:TieredStopAtLevel=1", "-jar", jar] + ls_noop, {0}),
        ("experiment: Flyway, -XX:TieredStopAtLevel=1", fw_main[:1] + ["-XX:TieredStopAtLevel=1"] + fw_main[1:] + fw_noop, {0}),
        ("experiment: liteshift, AppCDS archive of a no-op run", ["java", f"-XX:SharedArchiveFile={cds}", "-jar", jar] + ls_noop, {0}),
        ("experiment: Flyway, AppCDS archive of a no-op run", fw_main[:1] + [f"-XX:SharedArchiveFile={fw_cds}"] + fw_main[1:] + fw_noop, {0}),
    ]
    for label, cmd, ok in rows:
        walls, cpus = [], []
        for _ in range(7):
            elapsed, cpu_s, done = run(cmd)
            if done.returncode not in ok:
                sys.exit(f"{label}: exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
            walls.append(elapsed)
            cpus.append(cpu_s)
        print(f"  {label:<72} {statistics.median(walls) * 1000:6.0f} ms  ({statistics.median(cpus) * 1000:5.0f} ms cpu)", flush=True)
    print(f"  load average: {load()}")

    print("\n   timeline of one no-op run, from the JVM's class-load log (-Xlog:class+load with uptime; medians of 5):")
    log = work / "class-load.log"
    timelines = {
        "liteshift": (["java", f"-Xlog:class+load:file={log}:uptime", "-jar", jar] + ls_noop,
                      [("JVM start, to the CLI's main class", "io.liteshift.cli.Main"),
                       ("command line: picocli model, parsing, settings", "io.liteshift.LiteShift"),
                       ("migrate: driver, directory, journal (to the last class loaded)", None)]),
        "flyway": (fw_main[:1] + [f"-Xlog:class+load:file={log}:uptime"] + fw_main[1:] + fw_noop,
                   [("JVM start, to FlywayMigrate", "io.liteshift.bench.flyway.FlywayMigrate"),
                    ("to Flyway's first class", "org.flywaydb.core.Flyway"),
                    ("migrate: driver, plugins, scan, validate (to the last class loaded)", None)]),
    }
    for tool, (cmd, marks) in timelines.items():
        samples = []
        for _ in range(5):
            check_exit(tool, "no-op with class-load log", run(cmd)[2])
            loaded = [(float(m.group(1)), m.group(2)) for m in
                      (re.match(r"\[(\d+\.\d+)s\] (\S+)", line) for line in log.read_text().splitlines()) if m]
            at, prev = [], 0.0
            for _, marker in marks:
                t = next(t for t, name in loaded if name == marker) if marker else loaded[-1][0]
                at.append(t - prev)
                prev = t
            samples.append(at)
        for i, (label, _) in enumerate(marks):
            print(f"  {tool:<9} {label:<64} {statistics.median(s[i] for s in samples) * 1000:6.0f} ms")
    log.unlink(missing_ok=True)

    print("\n2. a no-op migrate in a fresh JVM, phase by phase (MigrateColdStart)", flush=True)
    for tool in TOOLS:
        subprocess.run(["java", "-cp", bench_jar, "io.liteshift.bench.MigrateColdStart", tool, str(applied[tool]),
                        str(dirs[tool])], check=True)

    print(f"\n3. applying all {n} from scratch: the disk's share (one run each; load average {load()})", flush=True)
    commands = {
        "liteshift": lambda db: [str(ROOT / "liteshift"), "migrate", "--db", str(db), "--dir", str(dirs["liteshift"]), "--create"],
        "flyway": lambda db: fw_main + [f"jdbc:sqlite:{db}", f"filesystem:{dirs['flyway']}"],
    }
    places = [("disk", work)]
    if Path("/dev/shm").is_dir():
        places.append(("tmpfs (fsync costs nothing)", Path("/dev/shm")))
    for where, folder in places:
        db = folder / "liteshift-bench-profile.db"
        for tool in TOOLS:
            remove_db(db)
            elapsed, cpu_s, done = run(commands[tool](db))
            check_exit(tool, "scratch", done)
            verify(db, tool, expected, n)
            ms = in_process_ms(done.stdout + done.stderr)
            print(f"  {tool:<9} on {where:<28} {elapsed:6.2f} s wall ({cpu_s:5.2f} s cpu), reported in-process {ms} ms", flush=True)
        variants = [("", False)]
        if where == "disk":
            variants += [("PRAGMA journal_mode = WAL", False), ("PRAGMA synchronous = NORMAL", False), ("", True)]
        for setting, single in variants:
            remove_db(db)
            ms = sqlite_floor(db, dirs["liteshift"], work, setting, single, bench_jar)
            how = "all in ONE transaction" if single else (setting or "one transaction each, defaults")
            print(f"  {'SQLite':<9} on {where:<28} {ms / 1000:6.2f} s in SQLite calls: the same SQL through sqlite-jdbc, {how}", flush=True)
        remove_db(db)
    if shutil.which("strace"):
        print("\n4. fsync calls while applying all from scratch (strace -f -c)", flush=True)
        db = work / "liteshift-bench-profile.db"
        for tool in TOOLS:
            remove_db(db)
            done = subprocess.run(["strace", "-f", "-c", "-e", "trace=fsync,fdatasync"] + commands[tool](db),
                                  capture_output=True, text=True)
            check_exit(tool, "scratch under strace", done)
            calls = {parts[-1]: int(parts[3]) for parts in map(str.split, done.stderr.splitlines())
                     if len(parts) >= 5 and parts[-1] in ("fsync", "fdatasync")}
            print(f"  {tool:<9} {calls}")
        remove_db(db)
        floor = work / "floor.sql"
        floor_script(floor, dirs["liteshift"], False)
        done = subprocess.run(["strace", "-f", "-c", "-e", "trace=fsync,fdatasync", "java", "-cp", bench_jar,
                               "io.liteshift.bench.ScriptTiming", str(db), str(floor)], capture_output=True, text=True)
        calls = {parts[-1]: int(parts[3]) for parts in map(str.split, done.stderr.splitlines())
                 if len(parts) >= 5 and parts[-1] in ("fsync", "fdatasync")}
        print(f"  {'SQLite':<9} {calls} (the same SQL, one transaction each, through sqlite-jdbc)")
        remove_db(db)


def floor_script(path, sql_dir, single):
    """The migrations as one script for SQLite alone: each in its own transaction with one history row, as both
    tools do it (or, with single, all of them in one transaction)."""
    parts = ["CREATE TABLE history (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);"]
    if single:
        parts.append("BEGIN IMMEDIATE;")
    for f in sorted(sql_dir.glob("*.sql")):
        row = f"INSERT INTO history VALUES ({int(f.name.split('_')[0])}, '{f.name}', datetime('now'));"
        parts.append(f.read_text() + row if single else "BEGIN IMMEDIATE;\n" + f.read_text() + row + "\nCOMMIT;")
    if single:
        parts.append("COMMIT;")
    path.write_text("\n".join(parts) + "\n")


def sqlite_floor(db, sql_dir, work, setting, single, bench_jar):
    """Milliseconds spent inside SQLite calls (sqlite-jdbc, the build both tools use) applying the migrations alone."""
    script = work / "floor.sql"
    floor_script(script, sql_dir, single)
    cmd = ["java", "-cp", bench_jar, "io.liteshift.bench.ScriptTiming", str(db), str(script)] + ([setting] if setting else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    statements = [line for line in done.stdout.splitlines() if not line.startswith(("total", "setting:"))]
    return sum(float(line.rsplit(None, 2)[-2]) for line in statements)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--migrations", type=int, default=500, help="number of migrations (default 500)")
    p.add_argument("--rounds", type=int, default=3, help="timed runs of each variant, alternating (default 3, at least 3)")
    p.add_argument("--tools", default="liteshift,flyway", help="comma-separated subset of liteshift,flyway (default both)")
    p.add_argument("--prepare", action="store_true",
                   help="only generate the migrations (and liteshift.sum) and print their directory; used by the JMH benchmark")
    p.add_argument("--profile", action="store_true",
                   help="instead of the benchmark, show where the time goes: JVM start, phases in-process, fsyncs, tmpfs")
    p.add_argument("--work", default=str(ROOT / "bench" / "work"), help="where migrations and databases go (default bench/work)")
    args = p.parse_args()
    if args.migrations < 4:
        p.error("--migrations must be at least 4")
    if args.rounds < 3:
        p.error("--rounds must be at least 3: a median of fewer runs says little")
    unknown = set(args.tools.split(",")) - set(TOOLS)
    if unknown:
        p.error(f"unknown tools: {', '.join(sorted(unknown))}")
    return args


def prepare(work, n, hash_liteshift):
    """Writes the N migrations once per N (and generator version) into work/liteshift and work/flyway."""
    dirs = {"liteshift": work / "liteshift", "flyway": work / "flyway"}
    stamp = work / "generated.json"
    want = {"version": generate.VERSION, "seed": generate.SEED, "migrations": n}
    if not (stamp.exists() and json.loads(stamp.read_text()) == want):
        shutil.rmtree(work, ignore_errors=True)
        for d in dirs.values():
            d.mkdir(parents=True)
        migrations, counts = generate.generate(n)
        width = max(4, len(str(n)))
        for version, slug, sql in migrations:
            ls_name, fw_name = generate.file_names(version, slug, width)
            (dirs["liteshift"] / ls_name).write_text(sql)
            (dirs["flyway"] / fw_name).write_text(sql)
        (work / "counts.json").write_text(json.dumps(counts.as_dict(), indent=1))
        stamp.write_text(json.dumps(want))
        print(f"generated {n} migrations into {work} (not timed)")
    same = [p.read_bytes() for p in sorted(dirs["liteshift"].glob("*.sql"))] == \
           [p.read_bytes() for p in sorted(dirs["flyway"].glob("*.sql"), key=lambda p: int(p.name[1:].split("__")[0]))]
    if not same:
        sys.exit("the liteshift and Flyway migration files differ")
    sum_file = dirs["liteshift"] / "liteshift.sum"
    if hash_liteshift and not sum_file.exists():
        done = run([str(ROOT / "liteshift"), "hash", "--dir", str(dirs["liteshift"])])[2]
        check_exit("liteshift", "hash", done)
        print(f"wrote {sum_file.name} with `liteshift hash` (not timed)")
    return dirs


def reference(work, sql_dir):
    """The expected end state: the migrations run in order by Python's sqlite3 into a scratch file."""
    ref = work / "reference.db"
    remove_db(ref)
    with sqlite3.connect(ref) as c:
        c.execute("PRAGMA foreign_keys = ON")
        for f in sorted(sql_dir.glob("*.sql")):
            c.executescript(f.read_text())
    fp = fingerprint(ref)
    ref.unlink()
    counts = json.loads((work / "counts.json").read_text())
    kinds = fp["kinds"]
    total_columns = sum(len(cols) for cols in fp["columns"].values())
    if (kinds.get("table", 0), kinds.get("index", 0), kinds.get("view", 0)) != (counts["tables"], counts["indexes"], counts["views"]) \
            or fp["rows"] != counts["rows"] or total_columns < counts["added_columns"] + 4 * counts["tables"]:
        sys.exit(f"the reference database does not hold what the generator counted: {kinds}, {counts}")
    return {"fingerprint": fp, "counts": counts}


def fingerprint(db):
    """The user schema (every CREATE as stored, every column) and the rows (count and a digest) of each table."""
    with sqlite3.connect(db) as c:
        objects = [r for r in c.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
                   if not r[1].startswith(INTERNAL) and not r[2].startswith(INTERNAL)]
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        columns, rows, digests = {}, {}, {}
        for t in tables:
            cols = [(r[1], r[2], r[3], r[4], r[5]) for r in c.execute(f'PRAGMA table_xinfo("{t}")')]
            columns[t] = cols
            # created_at is the time of the run; every other value must be the same
            names = ", ".join(f'"{col[0]}"' for col in cols if col[0] != "created_at")
            data = c.execute(f'SELECT {names} FROM "{t}" ORDER BY rowid').fetchall()
            rows[t] = len(data)
            digests[t] = hashlib.sha256(repr(data).encode()).hexdigest()
    kinds = {}
    for kind, *_ in objects:
        kinds[kind] = kinds.get(kind, 0) + 1
    return {"kinds": kinds, "objects": objects, "columns": columns, "rows": rows, "digests": digests}


def verify(db, tool, expected, n):
    """The schema and rows equal the reference, the history holds N successful migrations, the file is sound."""
    got = fingerprint(db)
    want = expected["fingerprint"]
    if got != want:
        diff = [k for k in want if got.get(k) != want[k]]
        detail = ""
        if "objects" in diff:
            missing = set(map(tuple, want["objects"])) - set(map(tuple, got["objects"]))
            extra = set(map(tuple, got["objects"])) - set(map(tuple, want["objects"]))
            detail = f"\n  missing: {sorted(missing)[:3]}\n  unexpected: {sorted(extra)[:3]}"
        sys.exit(f"{tool}: {db.name} differs from the reference in {diff}{detail}")
    with sqlite3.connect(db) as c:
        if tool == "liteshift":
            hist = c.execute("SELECT count(*), min(version), max(version), count(DISTINCT version) FROM liteshift_migrations").fetchone()
            want_hist = (n, 1, n, n)
        else:
            hist = c.execute("SELECT count(*), min(CAST(version AS INTEGER)), max(CAST(version AS INTEGER)), sum(success)"
                             " FROM flyway_schema_history WHERE type = 'SQL'").fetchone()
            others = c.execute("SELECT count(*) FROM flyway_schema_history WHERE type <> 'SQL'").fetchone()[0]
            hist = hist + (others,)
            want_hist = (n, 1, n, n, 0)
        integrity = [r[0] for r in c.execute("PRAGMA integrity_check")]
        orphans = c.execute("PRAGMA foreign_key_check").fetchall()
    if hist != want_hist:
        sys.exit(f"{tool}: history table of {db.name}: {hist}, expected {want_hist}")
    if integrity != ["ok"] or orphans:
        sys.exit(f"{tool}: {db.name}: integrity_check {integrity[:5]}, foreign_key_check {orphans[:5]}")


def history(db, tool):
    table = "liteshift_migrations" if tool == "liteshift" else "flyway_schema_history"
    with sqlite3.connect(db) as c:
        return c.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


def describe(db):
    with sqlite3.connect(db) as c:
        mode = c.execute("PRAGMA journal_mode").fetchone()[0]
        page = c.execute("PRAGMA page_size").fetchone()[0]
    return f"{db.stat().st_size / 1024:.0f} KiB, journal_mode={mode}, page_size={page}"


def flyway_classpath():
    jar = FLYWAY_DIR / "flyway-migrate.jar"
    return f"{jar}{os.pathsep}{(FLYWAY_DIR / 'flyway.classpath').read_text().strip()}"


def run(cmd):
    """Runs cmd; returns wall seconds, CPU seconds (user + system of it and its children) and the completed process."""
    env = dict(os.environ, REDGATE_DISABLE_TELEMETRY="true")  # Flyway: no telemetry attempt (there is no network)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def check_exit(tool, what, done):
    if done.returncode != 0:
        sys.exit(f"{tool} {what} failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def in_process_ms(output):
    """The tool's own figure for the work inside the JVM, when it prints one ('... in 123 ms')."""
    found = re.findall(r"\bin (\d+) ms\b", output)
    return int(found[-1]) if found else None


def remove_db(db):
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def load():
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def report(times, cpu, inside, tools, args):
    print()
    print(f"migrations: {args.migrations}   rounds: {args.rounds}   load average now: {load()}")
    for kind, title in (("scratch", "apply all from scratch"), ("noop", "no-op migrate")):
        print(f"{title}:")
        med = {}
        for tool in tools:
            ts = times[(kind, tool)]
            med[tool] = statistics.median(ts)
            line = (f"  {tool:<9} median {med[tool]:7.3f} s   runs: " + ", ".join(f"{t:.3f}" for t in ts)
                    + f"   cpu median {statistics.median(cpu[(kind, tool)]):.3f} s")
            if inside[(kind, tool)]:
                line += f"   in-process (reported) median {statistics.median(inside[(kind, tool)]):.0f} ms"
            print(line)
        if len(tools) == 2:
            ratio = med["liteshift"] / med["flyway"]
            cpu_ratio = statistics.median(cpu[(kind, "liteshift")]) / statistics.median(cpu[(kind, "flyway")])
            print(f"  ratio liteshift / flyway: {ratio:.3f}x wall, {cpu_ratio:.3f}x cpu"
                  f" (target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'NOT met'})")


if __name__ == "__main__":
    main()
