import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
const sqlite = new Database(process.argv[2]);
const db = drizzle(sqlite);
migrate(db, { migrationsFolder: "./drizzle" });
sqlite.exec("INSERT INTO users (email, name, bio) VALUES ('ada@example.com', 'Ada', 'math'), ('bob@example.com', 'Bob', NULL)");
sqlite.exec("INSERT INTO posts (id, user_id, title, created_at) VALUES (1, 1, 'Notes', 1700000000), (2, 1, 'More', 1700000100), (3, 2, 'Hi', 1700000200)");
sqlite.close();
