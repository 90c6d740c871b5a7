/**
 * What the tests of every module share (core publishes them in its tests jar): {@link TestDb}, real SQLite files and
 * in-memory databases made from SQL, read back, dumped and checked through the real driver.
 */
package io.liteshift.testing;
