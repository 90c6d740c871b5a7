/**
 * The command line: one picocli command per liteshift command ({@link Main} is the entry point of the runnable jar).
 * A command parses its arguments, calls the facade and prints the result; it decides nothing the library does not.
 */
package io.liteshift.cli;
