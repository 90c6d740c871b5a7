/**
 * Online table rebuilds: the rebuild of one table while the application keeps reading and writing it. Triggers record
 * which rowids the application changes, a copier fills a shadow table built with the declared schema in short
 * chunks, the recorded rowids are replayed into it, and one short transaction swaps the tables. Indexes the table
 * already has are handed over at the swap rather than built again ({@link io.liteshift.online.IndexPlan}). Every step is
 * checkpointed, so a killed run is resumed or cleaned up by the next. {@link io.liteshift.online.OnlineRebuild} is the
 * entry; docs/online.md says how and why.
 */
package io.liteshift.online;
