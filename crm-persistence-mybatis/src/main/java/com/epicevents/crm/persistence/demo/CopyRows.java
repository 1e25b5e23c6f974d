package com.epicevents.crm.persistence.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format:
 * fields separated by tabs, rows by newlines, {@code \N} for null, backslash escapes for the
 * characters that would break that framing. Rows go to the server as they are written (through
 * a 64 KiB buffer), so a million rows never sit in memory.
 */
final class CopyRows implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final PGCopyOutputStream copy;
  private final Writer out;
  private boolean firstField = true;
  private boolean ended;

  private CopyRows(PGCopyOutputStream copy) {
    this.copy = copy;
    this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
  }

  /** Starts {@code COPY <table> (<columns>) FROM STDIN}; table and columns are constants of this package. */
  static CopyRows into(Connection connection, String table, String columns) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    return new CopyRows(new PGCopyOutputStream(pg, "COPY " + table + " (" + columns + ") FROM STDIN", BUFFER));
  }

  CopyRows text(String value) throws IOException {
    separate();
    if (value == null) {
      out.write("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        case '\t' -> out.write("\\t");
        default -> out.write(c);
      }
    }
    return this;
  }

  CopyRows number(long value) throws IOException {
    separate();
    out.write(Long.toString(value));
    return this;
  }

  /** A nullable id or count. */
  CopyRows number(Long value) throws IOException {
    return value == null ? text(null) : number(value.longValue());
  }

  /** Cents as a numeric(12,2) literal, e.g. 123456 → 1234.56. */
  CopyRows money(long cents) throws IOException {
    separate();
    long units = cents / 100;
    long rest = cents % 100;
    out.write(Long.toString(units));
    out.write(rest < 10 ? ".0" : ".");
    out.write(Long.toString(rest));
    return this;
  }

  CopyRows bool(boolean value) throws IOException {
    separate();
    out.write(value ? 't' : 'f');
    return this;
  }

  /** Epoch seconds as an ISO-8601 UTC instant (which timestamptz reads whatever the session's zone). */
  CopyRows time(long epochSecond) throws IOException {
    separate();
    out.write(Instant.ofEpochSecond(epochSecond).toString());
    return this;
  }

  /** A nullable time; {@code null} for none. */
  CopyRows time(Long epochSecond) throws IOException {
    return epochSecond == null ? text(null) : time(epochSecond.longValue());
  }

  void endRow() throws IOException {
    out.write('\n');
    firstField = true;
  }

  /** Sends what is buffered and completes the COPY; returns the number of rows the server stored. */
  long finish() throws IOException, SQLException {
    out.flush();
    ended = true;
    return copy.endCopy();
  }

  /** Abandons an unfinished COPY (the caller rolls the transaction back). */
  @Override
  public void close() {
    if (!ended && copy.isActive()) {
      try {
        copy.cancelCopy();
      } catch (SQLException ignored) {
        // the connection is unusable or the COPY already failed; the rollback that follows cleans up
      }
    }
  }

  private void separate() throws IOException {
    if (!firstField) {
      out.write('\t');
    }
    firstField = false;
  }
}
