package com.epicevents.crm.bootstrap.tui;

import com.epicevents.crm.bootstrap.config.ConfigOrigin;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import java.nio.file.Path;

/**
 * Where the data is, short enough for the status line: "embedded" (in the default CRM home),
 * "embedded in /srv/crm" (another home) or "epic_crm on db.example.com:5432". Never a password:
 * only the host part of db.url is shown.
 */
public final class DatabaseLabel {
  private DatabaseLabel() {}

  public static String of(CrmConfig config) {
    if (config.embedded()) {
      return config.homeOrigin().kind() == ConfigOrigin.Kind.DEFAULT ? "embedded" : "embedded in " + path(config.home());
    }
    return config.databaseName() + " on " + server(config.dbUrl());
  }

  /** A path, with the user's home directory shown as {@code ~}. */
  static String path(Path path) {
    String home = System.getProperty("user.home");
    String text = path.toString();
    if (home != null && !home.isEmpty() && !home.equals("/") && text.startsWith(home + "/")) {
      return "~" + text.substring(home.length());
    }
    return text;
  }

  /** "host:port" of jdbc:postgresql://host:port/db?…, or "the local server" for jdbc:postgresql:db. */
  private static String server(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql:".length());
    if (!rest.startsWith("//")) {
      return "the local server";
    }
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int at = rest.indexOf(c, 2);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    String hosts = rest.substring(2, end);
    // A user:password@ prefix is not valid pgjdbc syntax, but never show what could be one.
    int at = hosts.lastIndexOf('@');
    return at >= 0 ? hosts.substring(at + 1) : hosts;
  }
}
