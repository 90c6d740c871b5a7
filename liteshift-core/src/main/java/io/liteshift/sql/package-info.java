/**
 * SQLite's SQL as text, with no database file: the tokenizer ({@link Lexer}), the statement splitter that
 * understands trigger bodies ({@link Scripts}), identifier rules, canonical and compared SQL text, strict UTF-8
 * reading of the user's files, SQLite's error texts, and the in-memory {@link Sandbox} where SQL is evaluated on the
 * user's behalf.
 */
package io.liteshift.sql;
