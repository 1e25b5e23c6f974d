package com.epicevents.crm.persistence.internal.migration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema the CRM lives in ({@value #DEFAULT}, or the one an embedding host configures). The
 * CRM's SQL — migrations, mapper XML, installation statements — is written with the schema as
 * {@code crm}; {@link #qualify} puts the configured name in its place. The name is checked to be
 * a plain lower-case identifier, so it never needs quoting and can never carry SQL.
 */
public final class SchemaName {
  public static final String DEFAULT = "crm";

  private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  /** The word crm as a schema name: not part of a longer word, not after a dot (a Java package). */
  private static final Pattern WRITTEN = Pattern.compile("(?<![\\w.$])crm\\b");

  private SchemaName() {}

  /** The name itself when valid; otherwise an {@link IllegalArgumentException} naming the setting. */
  public static String check(String schema) {
    if (schema == null || !VALID.matcher(schema).matches()) {
      throw new IllegalArgumentException("schema must be 1 to 63 lower-case letters, digits or '_',"
          + " not starting with a digit (got " + (schema == null ? "null" : "\"" + schema + "\"") + ")");
    }
    if (schema.startsWith("pg_") || schema.equals("public") || schema.equals("information_schema")) {
      throw new IllegalArgumentException("schema must not be a system schema or public (got \"" + schema + "\")");
    }
    return schema;
  }

  /** The SQL text with the schema written {@code crm} replaced by {@code schema}. */
  public static String qualify(String sql, String schema) {
    if (DEFAULT.equals(schema)) {
      return sql;
    }
    return WRITTEN.matcher(sql).replaceAll(Matcher.quoteReplacement(check(schema)));
  }
}
