package com.epicevents.crm.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a configuration value came from, shown by {@code crm admin status}.
 *
 * @param kind the layer that supplied the value
 * @param detail the file, variable or flag name; empty for defaults
 */
public record ConfigOrigin(Kind kind, String detail) {

  /** The layers, weakest first: a later layer wins. */
  public enum Kind { DEFAULT, FILE, ENVIRONMENT, COMMAND_LINE }

  public ConfigOrigin {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  public static ConfigOrigin byDefault() {
    return new ConfigOrigin(Kind.DEFAULT, "");
  }

  public static ConfigOrigin file(Path file) {
    return new ConfigOrigin(Kind.FILE, file.toString());
  }

  public static ConfigOrigin environment(String variable) {
    return new ConfigOrigin(Kind.ENVIRONMENT, variable);
  }

  public static ConfigOrigin flag(String flag) {
    return new ConfigOrigin(Kind.COMMAND_LINE, flag);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DEFAULT -> "default";
      case FILE -> "file " + detail;
      case ENVIRONMENT -> "environment " + detail;
      case COMMAND_LINE -> "flag " + detail;
    };
  }
}
