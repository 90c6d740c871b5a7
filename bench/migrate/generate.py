"""Generates N small, realistic migrations, the same SQL for liteshift and Flyway.

The steps are what an application's history looks like: mostly new columns, new tables, indexes and a few
rows of reference data, now and then a view. They are drawn from a fixed seed, so every run of the benchmark
with the same N gets byte-identical files. Foreign keys always point at rows that exist, so the history applies
whether or not foreign keys are enforced.

File names: liteshift `0001_create_table_t1.sql`, Flyway `V1__create_table_t1.sql` (the version is the same
number, the slug the same text).
"""
import random
from dataclasses import dataclass, field

SEED = 20240229
VERSION = 1  # bump when the generated SQL changes, so bench/work/ is regenerated


@dataclass
class Table:
    name: str
    columns: list = field(default_factory=list)  # (name, kind) of the columns inserts may fill
    rows: int = 0
    parent: "Table | None" = None  # the table its parent_id references, if any


@dataclass
class Expected:
    """What the final schema must hold, counted while generating (checked against both tools' databases)."""
    tables: int = 0
    added_columns: int = 0
    indexes: int = 0
    views: int = 0
    rows: dict = field(default_factory=dict)  # table -> row count

    def as_dict(self):
        return dict(tables=self.tables, added_columns=self.added_columns, indexes=self.indexes, views=self.views,
                    rows=dict(self.rows))


WORDS = ["account", "invoice", "order", "product", "customer", "shipment", "payment", "review", "coupon",
         "address", "session", "audit", "tag", "team", "project", "task", "comment", "file", "device", "plan"]
COLUMN_KINDS = [
    ("TEXT", None),
    ("INTEGER NOT NULL DEFAULT 0", "int"),
    ("REAL", "real"),
    ("TEXT NOT NULL DEFAULT ''", "text"),
    ("INTEGER", "int"),
    ("TEXT COLLATE NOCASE", "text"),
]


def generate(n):
    """Returns ([(version, slug, sql)], Expected) for n migrations."""
    rnd = random.Random(SEED)
    tables, migrations, exp = [], [], Expected()
    summarised = set()  # child tables that already have a summary view

    def new_table(version):
        word = rnd.choice(WORDS)
        t = Table(f"{word}s_{version}")
        parent = rnd.choice(tables) if tables and rnd.random() < 0.5 else None
        cols = ["  id         INTEGER PRIMARY KEY",
                "  name       TEXT    NOT NULL",
                "  status     TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived'))",
                "  created_at TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP"]
        t.columns = [("name", "text"), ("status", "status")]
        if parent:
            cols.append(f"  parent_id  INTEGER REFERENCES {parent.name} (id) ON DELETE CASCADE")
            t.parent = parent
            t.columns.append(("parent_id", "fk"))
        sql = f"CREATE TABLE {t.name} (\n" + ",\n".join(cols) + "\n);\n"
        if parent:
            sql += f"CREATE INDEX ix_{t.name}_parent ON {t.name} (parent_id);\n"
            exp.indexes += 1
        tables.append(t)
        exp.tables += 1
        exp.rows[t.name] = 0
        return f"create_table_{t.name}", sql

    def add_column(version):
        t = rnd.choice(tables)
        decl, kind = rnd.choice(COLUMN_KINDS)
        col = f"{rnd.choice(['note', 'score', 'amount', 'label', 'rank', 'code', 'level'])}_{version}"
        t.columns.append((col, kind or "text"))
        exp.added_columns += 1
        return f"add_{col}_to_{t.name}", f"ALTER TABLE {t.name} ADD COLUMN {col} {decl};\n"

    def create_index(version):
        t = rnd.choice(tables)
        candidates = [c for c, _ in t.columns if c != "parent_id"]
        cols = rnd.sample(candidates, k=min(len(candidates), rnd.choice([1, 1, 2])))
        name = f"ix_{t.name}_{version}"
        where = " WHERE status = 'active'" if rnd.random() < 0.2 else ""
        exp.indexes += 1
        return f"index_{t.name}", f"CREATE INDEX {name} ON {t.name} ({', '.join(cols)}){where};\n"

    def insert_rows(version):
        t = rnd.choice(tables)
        count = rnd.randint(2, 5)
        names = [c for c, _ in t.columns]
        values = []
        for i in range(count):
            row = []
            for col, kind in t.columns:
                if kind == "fk":
                    row.append(str(rnd.randint(1, t.parent.rows)) if t.parent.rows else "NULL")
                elif kind == "status":
                    row.append("'archived'" if rnd.random() < 0.1 else "'active'")
                elif kind == "int":
                    row.append(str(rnd.randint(0, 1000)))
                elif kind == "real":
                    row.append(f"{rnd.uniform(0, 500):.2f}")
                else:
                    row.append(f"'{rnd.choice(WORDS)} {version}-{i}'")
            values.append("  (" + ", ".join(row) + ")")
        t.rows += count
        exp.rows[t.name] += count
        return (f"seed_{t.name}",
                f"INSERT INTO {t.name} ({', '.join(names)}) VALUES\n" + ",\n".join(values) + ";\n")

    def create_view(version):
        children = [t for t in tables if t.parent and t.name not in summarised]
        exp.views += 1
        if children and rnd.random() < 0.6:
            c = rnd.choice(children)
            summarised.add(c.name)
            p = c.parent
            sql = (f"CREATE VIEW v_{c.name}_summary AS\n"
                   f"  SELECT p.id, p.name, count(c.id) AS {c.name}_count\n"
                   f"  FROM {p.name} p LEFT JOIN {c.name} c ON c.parent_id = p.id\n"
                   f"  GROUP BY p.id, p.name;\n")
            return f"view_{c.name}_summary", sql
        t = rnd.choice(tables)
        return (f"view_active_{t.name}",
                f"CREATE VIEW v_active_{t.name}_{version} AS\n  SELECT id, name, created_at FROM {t.name} WHERE status = 'active';\n")

    steps = [(new_table, 22), (add_column, 33), (create_index, 18), (insert_rows, 22), (create_view, 5)]
    for version in range(1, n + 1):
        if version <= 3:
            step = new_table
        else:
            step = rnd.choices([s for s, _ in steps], weights=[w for _, w in steps])[0]
        slug, sql = step(version)
        header = f"-- {version}: {slug.replace('_', ' ')}\n"
        migrations.append((version, slug, header + sql))
    return migrations, exp


def file_names(version, slug, width):
    """(liteshift name, Flyway name) of one migration."""
    return f"{version:0{width}d}_{slug}.sql", f"V{version}__{slug}.sql"
