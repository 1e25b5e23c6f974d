package com.epicevents.crm.bootstrap.logging;

/** Chooses how log lines look: {@code text} (the default) or {@code json}, from setting {@code log.format}. */
public final class LogFormat {
  private LogFormat() {}

  public static void apply(String format) {
    CrmLogEncoder.useJson("json".equals(format));
  }
}
