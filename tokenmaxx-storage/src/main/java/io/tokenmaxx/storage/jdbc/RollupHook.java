package io.tokenmaxx.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps tables derived from a record table (the analytics rollups) in step with it, inside the
 * record writer's own transaction: the writer calls {@link #beforeMove} and {@link #afterMove}
 * around moving a batch from its staging table into the record table, then commits, then calls
 * {@link #afterCommit} (still holding the write lock).
 */
public interface RollupHook {

  /**
   * Before the move. {@code mayReplace}: some ids of the batch may already be stored (their old
   * rows are about to be replaced), so the hook must look at them now.
   */
  void beforeMove(Connection c, String staging, boolean mayReplace) throws SQLException;

  /** After the move, in the same transaction. */
  void afterMove(Connection c, String staging) throws SQLException;

  /** After the commit, on the same connection: background upkeep in transactions of its own. */
  void afterCommit(Connection c) throws SQLException;

  /**
   * Records of the table matching {@code where} (a condition over its columns, with {@code params}
   * for its placeholders) are about to be deleted on {@code c}, outside the writer: remember what
   * they touch.
   */
  default void beforeDelete(Connection c, String where, java.util.List<Object> params) throws SQLException {}

  /** After that delete, in the same transaction: bring derived tables in step. */
  default void afterDelete(Connection c) throws SQLException {}

  RollupHook NONE = new RollupHook() {
    @Override
    public void beforeMove(Connection c, String staging, boolean mayReplace) {}

    @Override
    public void afterMove(Connection c, String staging) {}

    @Override
    public void afterCommit(Connection c) {}
  };
}
