/**
 * What every stage that touches a database file shares: opening it the safe way ({@link Databases}, with lock waits
 * that a stop request ends), database URLs, free disk space, lock holders, {@code PRAGMA foreign_key_check}, LiteFS
 * mounts and the journal mode an online rebuild needs; and how sizes ({@link Bytes}) and schema versions
 * ({@link SchemaVersion}) are written in every message. It reads no schema and decides nothing about a change.
 */
package io.liteshift.sqlite;
