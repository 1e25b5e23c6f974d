package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.tui.CrmSetUp;
import com.epicevents.crm.tui.TextUi;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * {@code crm} without a subcommand: the staff text UI. On first launch its set-up screens come
 * first (the database, then the first manager's account), then the login screen. It needs a
 * terminal: other programs are pointed to {@code crm serve}.
 */
final class TextUiCommand implements Callable<Integer> {
  static final String NEEDS_A_TERMINAL =
      "crm: the text UI needs a terminal; for other programs use 'crm serve' (the HTTP API)";
  /** One person at a keyboard: a few connections are plenty. */
  static final int POOL_SIZE = 4;
  static final String LOG_FILE = "crm.log";

  private final Main main;

  TextUiCommand(Main main) {
    this.main = main;
  }

  @Override
  public Integer call() {
    CliEnvironment environment = main.environment();
    // Java's console exists only when standard input and output are both a terminal.
    if (environment.console() == null) {
      environment.err().println(NEEDS_A_TERMINAL);
      return Failures.FAILURE;
    }
    // Anything that fails before the screen is taken over is the usual one line on stderr.
    CrmConfig config = main.config();
    RunningCrm crm = CrmSetUp.databaseNeeded(config) ? null : RunningCrm.open(config, POOL_SIZE);
    // The first-launch screens (when needed) and the staff screens are one text UI; the set-up
    // port owns the CRM from here on, whichever of the two opened it.
    try (CrmSetUp setUp = new CrmSetUp(main::config, crm, POOL_SIZE); Terminal terminal = terminal()) {
      TextUi.run(setUp, terminal, ZoneId.systemDefault());
    } catch (IOException e) {
      throw new CliFailure("cannot use the terminal: " + e.getMessage(), e);
    }
    return Failures.SUCCESS;
  }

  private static Terminal terminal() throws IOException {
    // Never a Swing window: this is a command for a terminal.
    return new DefaultTerminalFactory().setForceTextTerminal(true).createTerminal();
  }

  /**
   * Sends the log to {@code $CRM_HOME/crm.log} (owner-only) when the text UI is about to run: on
   * the terminal, log lines would be drawn over the screen. Must run before the first SLF4J call,
   * as logback reads {@code crm.log.file} when it starts. Without a terminal, or with a
   * configuration the command will report as wrong, nothing changes.
   */
  static void logToFile(Main main) {
    if (main.environment().console() == null || System.getProperty("crm.log.file") != null) {
      return;
    }
    Path home;
    try {
      home = main.config().home();
    } catch (RuntimeException reportedByTheCommand) {
      return;
    }
    Path file = home.resolve(LOG_FILE);
    try {
      ConfigFile.createPrivateDirectories(home);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (FileAlreadyExistsException kept) {
      // Appended to.
    } catch (IOException e) {
      return;
    }
    System.setProperty("crm.log.file", file.toString());
  }
}
