/**
 * The deployable example: a notes service on SQLite that migrates its database on boot (or in a step of its own) and
 * serves HTTP, configured from the environment as on Fly.io.
 */
package io.liteshift.examples.flyapp;
