package io.tokenmaxx.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out a connection for one read; the caller closes it (which returns it to a pool, if any). */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
