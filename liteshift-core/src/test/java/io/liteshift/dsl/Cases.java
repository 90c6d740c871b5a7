package io.liteshift.dsl;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.liteshift.dsl.Action.CASCADE;
import static io.liteshift.dsl.Action.RESTRICT;
import static io.liteshift.dsl.Action.SET_DEFAULT;
import static io.liteshift.dsl.Action.SET_NULL;
import static io.liteshift.dsl.SqliteType.ANY;
import static io.liteshift.dsl.SqliteType.BLOB;
import static io.liteshift.dsl.SqliteType.INT;
import static io.liteshift.dsl.SqliteType.INTEGER;
import static io.liteshift.dsl.SqliteType.NUMERIC;
import static io.liteshift.dsl.SqliteType.REAL;
import static io.liteshift.dsl.SqliteType.TEXT;

/**
 * One DSL schema per construct, each with the schema.sql a person would write for it (inline constraints, other
 * layout and quoting; declared types and literals keep their spelling, which the model records as written): the
 * golden tests pin the DDL the DSL renders, the equivalence tests compare the two models.
 */
final class Cases {
    record Case(JavaSchema dsl, String sql) {
    }

    private Cases() {
    }

    static Map<String, Case> all() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("column_types", new Case(JavaSchema.define(s -> s.table("kinds", t -> {
            t.column("i", INTEGER);
            t.column("i2", INT);
            t.column("t", TEXT);
            t.column("r", REAL);
            t.column("b", BLOB);
            t.column("n", NUMERIC);
            t.column("v", "VARCHAR(80)");
            t.column("d", "DECIMAL(10, 2)");
            t.column("untyped");
        })), """
                create table kinds (i INTEGER, i2 INT, t TEXT, r REAL, b BLOB, n NUMERIC, v VARCHAR(80), d DECIMAL(10, 2), untyped);
                """));
        c.put("column_constraints", new Case(JavaSchema.define(s -> s.table("items", t -> {
            t.column("id", INTEGER).primaryKey();
            t.column("name", TEXT).notNull().collate("NOCASE");
            t.column("status", TEXT).notNull().defaultValue("it's new").check("status <> ''");
            t.column("qty", INTEGER).notNull().defaultValue(0).check("qty >= 0");
            t.column("delta", INTEGER).defaultValue(-5);
            t.column("price", REAL).defaultValue(9.5);
            t.column("active", INTEGER).defaultValue(true);
            t.column("note", TEXT).defaultValue(null);
            t.column("blob", BLOB).defaultValue(new byte[]{0x0a, (byte) 0xff});
            t.column("created_at", TEXT).notNull().defaultExpression("CURRENT_TIMESTAMP");
            t.column("epoch", INTEGER).defaultExpression("unixepoch()");
            t.column("code", TEXT).unique().collate("RTRIM");
        })), """
                CREATE TABLE items (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL COLLATE NOCASE,
                  status TEXT NOT NULL DEFAULT 'it''s new' CHECK (status <> ''),
                  qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
                  delta INTEGER DEFAULT -5,
                  price REAL DEFAULT 9.5,
                  active INTEGER DEFAULT 1,
                  note TEXT DEFAULT NULL,
                  "blob" BLOB DEFAULT X'0AFF',
                  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
                  epoch INTEGER DEFAULT (unixepoch()),
                  code TEXT UNIQUE COLLATE RTRIM
                );
                """));
        c.put("generated_columns", new Case(JavaSchema.define(s -> s.table("lines", t -> {
            t.column("id", INTEGER).primaryKey();
            t.column("qty", INTEGER).notNull();
            t.column("price_cents", INTEGER).notNull();
            t.column("total_cents", INTEGER).generatedStored("qty * price_cents");
            t.column("label", TEXT).generatedVirtual("'x' || qty");
        })), """
                CREATE TABLE lines (
                  id INTEGER PRIMARY KEY,
                  qty INTEGER NOT NULL,
                  price_cents INTEGER NOT NULL,
                  total_cents INTEGER GENERATED ALWAYS AS (qty * price_cents) STORED,
                  label TEXT AS ('x' || qty) VIRTUAL
                );
                """));
        c.put("primary_keys", new Case(JavaSchema.define(s -> s
                .table("counters", t -> t.column("id", INTEGER).autoincrement())
                .table("pairs", t -> {
                    t.column("a", TEXT).notNull();
                    t.column("b", INTEGER).notNull();
                    t.primaryKey("a", "b").named("pairs_pk");
                })
                .table("settings", t -> {
                    t.column("key", TEXT).primaryKey();
                    t.column("value", ANY);
                    t.withoutRowid();
                })), """
                CREATE TABLE counters (id INTEGER PRIMARY KEY AUTOINCREMENT);
                CREATE TABLE pairs (a TEXT NOT NULL, b INTEGER NOT NULL, CONSTRAINT pairs_pk PRIMARY KEY (a, b));
                CREATE TABLE settings ("key" TEXT PRIMARY KEY, value ANY) WITHOUT ROWID;
                """));
        c.put("unique_and_check", new Case(JavaSchema.define(s -> s.table("bookings", t -> {
            t.column("id", INTEGER).primaryKey();
            t.column("room", TEXT).notNull();
            t.column("day", TEXT).notNull();
            t.column("starts", INTEGER).notNull();
            t.column("ends", INTEGER).notNull();
            t.unique("room", "day", "starts").named("one_booking_per_slot");
            t.unique("room", "ends");
            t.check("starts < ends").named("ordered_times");
            t.check("day LIKE '____-__-__'");
        })), """
                CREATE TABLE bookings (
                  id INTEGER PRIMARY KEY, room TEXT NOT NULL, day TEXT NOT NULL, starts INTEGER NOT NULL, ends INTEGER NOT NULL,
                  CONSTRAINT one_booking_per_slot UNIQUE (room, day, starts),
                  UNIQUE (room, ends),
                  CONSTRAINT ordered_times CHECK (starts < ends),
                  CHECK (day LIKE '____-__-__')
                );
                """));
        c.put("foreign_keys", new Case(JavaSchema.define(s -> s
                .table("customers", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("email", TEXT).notNull().unique();
                })
                .table("orders", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("customer_id", INTEGER).notNull().references("customers", "id").onDelete(CASCADE).onUpdate(RESTRICT);
                    t.column("referrer", TEXT).references("customers", "email").onDelete(SET_NULL).deferred();
                    t.column("owner", INTEGER).defaultValue(0).references("customers").onDelete(SET_DEFAULT);
                })
                .table("order_lines", t -> {
                    t.column("order_id", INTEGER).notNull();
                    t.column("line", INTEGER).notNull();
                    t.primaryKey("order_id", "line");
                })
                .table("shipments", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("order_id", INTEGER);
                    t.column("line", INTEGER);
                    t.foreignKey("order_id", "line").references("order_lines", "order_id", "line").onDelete(CASCADE).named("shipment_line");
                    t.foreignKey("order_id").references("orders").deferred();
                })), """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
                CREATE TABLE orders (
                  id INTEGER PRIMARY KEY,
                  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE ON UPDATE RESTRICT,
                  referrer TEXT REFERENCES customers (email) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
                  owner INTEGER DEFAULT 0 REFERENCES customers ON DELETE SET DEFAULT
                );
                CREATE TABLE order_lines (order_id INTEGER NOT NULL, line INTEGER NOT NULL, PRIMARY KEY (order_id, line));
                CREATE TABLE shipments (
                  id INTEGER PRIMARY KEY, order_id INTEGER, line INTEGER,
                  CONSTRAINT shipment_line FOREIGN KEY (order_id, line) REFERENCES order_lines (order_id, line) ON DELETE CASCADE,
                  FOREIGN KEY (order_id) REFERENCES orders DEFERRABLE INITIALLY DEFERRED
                );
                """));
        c.put("indexes", new Case(JavaSchema.define(s -> s.table("people", t -> {
            t.column("id", INTEGER).primaryKey();
            t.column("email", TEXT).notNull();
            t.column("last_name", TEXT);
            t.column("born", TEXT);
            t.column("deleted_at", TEXT);
            t.index("people_by_name").on("last_name", "born");
            t.uniqueIndex("people_email").column("email").collate("NOCASE");
            t.index("people_recent").column("born").desc().column("id");
            t.index("people_live").on("email").where("deleted_at IS NULL");
            t.index("people_lower_name").expression("lower(last_name)");
            t.index("people_unique_live").on("last_name").unique().where("deleted_at IS NULL");
        })), """
                CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT NOT NULL, last_name TEXT, born TEXT, deleted_at TEXT);
                CREATE INDEX people_by_name ON people (last_name, born);
                CREATE UNIQUE INDEX people_email ON people (email COLLATE NOCASE);
                CREATE INDEX people_recent ON people (born DESC, id);
                CREATE INDEX people_live ON people (email) WHERE deleted_at IS NULL;
                CREATE INDEX people_lower_name ON people (lower(last_name));
                CREATE UNIQUE INDEX people_unique_live ON people (last_name) WHERE deleted_at IS NULL;
                """));
        c.put("views_and_triggers", new Case(JavaSchema.define(s -> s
                .table("accounts", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("balance", INTEGER).notNull().defaultValue(0);
                    t.column("updated_at", TEXT);
                })
                .table("audit", t -> {
                    t.column("account_id", INTEGER);
                    t.column("note", TEXT);
                })
                .view("rich_accounts", "SELECT id, balance FROM accounts WHERE balance > 1000")
                .trigger("accounts_touch", tr -> tr.after().update("balance").on("accounts")
                        .when("NEW.balance <> OLD.balance")
                        .body("UPDATE accounts SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id"))
                .trigger("accounts_audit", tr -> tr.before().delete().on("accounts")
                        .body("INSERT INTO audit (account_id, note) VALUES (OLD.id, 'deleted');", "SELECT 1"))
                .trigger("rich_accounts_insert", tr -> tr.insteadOf().insert().on("rich_accounts")
                        .body("INSERT INTO accounts (id, balance) VALUES (NEW.id, NEW.balance)"))), """
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
                CREATE TABLE audit (account_id INTEGER, note TEXT);
                CREATE VIEW rich_accounts AS SELECT id, balance FROM accounts WHERE balance > 1000;
                CREATE TRIGGER accounts_touch AFTER UPDATE OF balance ON accounts
                FOR EACH ROW WHEN NEW.balance <> OLD.balance
                BEGIN
                  UPDATE accounts SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
                END;
                CREATE TRIGGER accounts_audit BEFORE DELETE ON accounts
                FOR EACH ROW
                BEGIN
                  INSERT INTO audit (account_id, note) VALUES (OLD.id, 'deleted');
                  SELECT 1;
                END;
                CREATE TRIGGER rich_accounts_insert INSTEAD OF INSERT ON rich_accounts
                FOR EACH ROW
                BEGIN
                  INSERT INTO accounts (id, balance) VALUES (NEW.id, NEW.balance);
                END;
                """));
        c.put("strict_and_virtual", new Case(JavaSchema.define(s -> s
                .table("events", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("kind", TEXT).notNull();
                    t.column("payload", ANY);
                    t.column("weight", REAL);
                    t.column("raw", BLOB);
                    t.column("n", INT);
                    t.strict();
                })
                .table("kv", t -> {
                    t.column("k", TEXT).primaryKey();
                    t.column("v", BLOB);
                    t.strict().withoutRowid();
                })
                .virtualTable("events_fts", "fts5", "kind", "payload")), """
                CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, payload ANY, weight REAL, raw BLOB, n INT) STRICT;
                CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) STRICT, WITHOUT ROWID;
                CREATE VIRTUAL TABLE events_fts USING fts5(kind, payload);
                """));
        c.put("rename_hints", new Case(JavaSchema.define(s -> s
                .table("clients", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("full_name", TEXT).notNull().renamedFrom("name");
                    t.column("e-mail", TEXT).renamedFrom("old mail");
                    t.renamedFrom("customers");
                })
                .table("notes", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("body", TEXT).renamedFrom("text");
                })), """
                -- @renamed from=customers
                CREATE TABLE clients (
                  id INTEGER PRIMARY KEY,
                  full_name TEXT NOT NULL, -- @renamed from=name
                  "e-mail" TEXT -- @renamed from="old mail"
                );
                CREATE TABLE notes (
                  id INTEGER PRIMARY KEY,
                  body TEXT -- @renamed from=text
                );
                """));
        c.put("readme_example", new Case(JavaSchema.define(s -> s
                .table("customers", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("email", TEXT).notNull().collate("NOCASE").unique();
                    t.column("full_name", TEXT).notNull().renamedFrom("name");
                })
                .table("orders", t -> {
                    t.column("id", INTEGER).primaryKey();
                    t.column("customer_id", INTEGER).notNull().references("customers", "id").onDelete(CASCADE);
                    t.column("total_cents", INTEGER).notNull().defaultValue(0).check("total_cents >= 0");
                    t.column("created_at", TEXT).notNull().defaultExpression("CURRENT_TIMESTAMP");
                    t.index("orders_by_customer").on("customer_id").column("created_at").desc();
                })), """
                CREATE TABLE customers (
                  id INTEGER PRIMARY KEY,
                  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
                  full_name TEXT NOT NULL -- @renamed from=name
                );
                CREATE TABLE orders (
                  id INTEGER PRIMARY KEY,
                  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                  total_cents INTEGER NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
                  created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
                );
                CREATE INDEX orders_by_customer ON orders (customer_id, created_at DESC);
                """));
        return c;
    }
}
