package com.epicevents.crm.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped logback.xml, loaded into a private LoggerContext (the test JVM's own logging is untouched). */
class SafeLogbackConfigurationTest {

  private static LoggerContext configure(String logFile) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (logFile != null) {
      context.putProperty("crm.log.file", logFile);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(SafeLogbackConfigurationTest.class.getResource("/logback.xml"));
    assertNoWarningOrError(context);
    return context;
  }

  private static void assertNoWarningOrError(LoggerContext context) {
    for (Status status : context.getStatusManager().getCopyOfStatusList()) {
      assertTrue(status.getLevel() < Status.WARN, () -> "logback: " + status);
    }
  }

  @Test
  void withALogFileEachEventIsOneEscapedLineInThatFileAndNothingGoesToTheConsole(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("crm.log");
    LoggerContext context = configure(file.toString());
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertNotNull(root.getAppender("FILE"));
    assertNull(root.getAppender("CONSOLE"));

    Logger log = context.getLogger("com.epicevents.crm.application.service.CreateClientService");
    log.info("created client {}", "Evil\n2025-06-01 10:00:00.000 INFO  Root - forged");
    log.error("lookup failed",
        new IllegalStateException("wrapper", new IllegalArgumentException("bad e-mail jane.doe@example.com\nx")));
    context.stop();

    assertNoWarningOrError(context);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), () -> String.join("\n", lines));
    assertTrue(lines.get(0).matches(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  CreateClientService - created client "
                + "Evil\\\\n2025-06-01 10:00:00\\.000 INFO  Root - forged"),
        lines.get(0));
    assertTrue(lines.get(1).contains("ERROR CreateClientService - lookup failed | java.lang.IllegalStateException: wrapper at "),
        lines.get(1));
    assertTrue(lines.get(1).contains(
            " <- caused by java.lang.IllegalArgumentException: bad e-mail [scrubbed]\\nx at "),
        lines.get(1));
  }

  @Test
  void withoutALogFileEventsGoToTheConsoleOnly() throws Exception {
    LoggerContext context = configure(null);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);

    assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
    assertNull(root.getAppender("FILE"));
    assertEquals(Level.INFO, root.getLevel());
    context.stop();
  }

  @Test
  void sentryAndHikariLogOnlyWarningsAndErrors() throws Exception {
    LoggerContext context = configure(null);

    assertEquals(Level.WARN, context.getLogger("io.sentry").getLevel());
    assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari").getLevel());
    assertFalse(context.getLogger("com.zaxxer.hikari.pool.HikariPool").isInfoEnabled());
    context.stop();
  }
}
