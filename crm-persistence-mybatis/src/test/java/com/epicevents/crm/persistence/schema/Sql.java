package com.epicevents.crm.persistence.schema;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Direct SQL for the database-level tests: what someone with the role's credentials could type. */
final class Sql {
  private Sql() {}

  /** Runs one statement with parameters in its own transaction (autocommit). */
  static int execute(DataSource ds, String sql, Object... args) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.execute();
      return ps.getUpdateCount();
    }
  }

  static Object scalar(DataSource ds, String sql, Object... args) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1);
      }
    }
  }

  /** The SQLSTATE of the failure the statement must raise. */
  static String refusal(DataSource ds, String sql, Object... args) {
    return assertThrows(SQLException.class, () -> execute(ds, sql, args), sql).getSQLState();
  }
}
