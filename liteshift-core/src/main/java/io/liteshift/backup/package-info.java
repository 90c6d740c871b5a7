/**
 * Backups of a database file while the application writes: {@link Backups} takes them (checked and hashed before
 * they get their name), lists and prunes them; {@link Restore} puts one in place so that every process sees the old
 * file or the new one; {@link Damage} says what a damaged file means and how to get a sound one back.
 */
package io.liteshift.backup;
