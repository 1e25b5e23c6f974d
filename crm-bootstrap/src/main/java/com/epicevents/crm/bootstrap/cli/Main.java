package com.epicevents.crm.bootstrap.cli;

import ch.qos.logback.classic.Level;
import com.epicevents.crm.bootstrap.config.ConfigOverrides;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.CrmConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code crm}: the text UI without a subcommand, {@code crm serve}, {@code crm admin ...}.
 * Exit status 0 success, 1 failure (one line on standard error), 2 usage error.
 */
@Command(
    name = "crm",
    description = "Epic Events CRM. Without a command: the text UI.",
    subcommands = {ServeCommand.class, AdminCommand.class},
    footer = {"",
        "Environment variables (they override crm.conf):",
        "  CRM_HOME  CRM_DB_URL  CRM_DB_USER  CRM_DB_PASSWORD  CRM_DB_APP_USER",
        "  CRM_DB_APP_PASSWORD  CRM_HTTP_HOST  CRM_HTTP_PORT  CRM_SENTRY_DSN",
        "  CRM_SENTRY_ENVIRONMENT",
        "Exit status: 0 success, 1 failure, 2 usage error."})
public final class Main implements Callable<Integer> {

  @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
      description = "CRM home: crm.conf and the embedded database (default $CRM_HOME, else ~/.local/share/epic-crm)")
  Path home;

  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "configuration file (default $CRM_HOME/crm.conf)")
  Path configFile;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "print stack traces and more logging")
  boolean debug;

  @Option(names = "--help", usageHelp = true, scope = ScopeType.INHERIT, description = "show this help and exit")
  boolean help;

  private final CliEnvironment environment;

  Main(CliEnvironment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /** Runs one command line and returns its exit status (never calls System.exit). */
  public static int run(CliEnvironment environment, String... args) {
    Main main = new Main(environment);
    CommandLine commandLine = new CommandLine(main)
        .setOut(environment.out())
        .setErr(environment.err())
        .setParameterExceptionHandler((exception, arguments) -> {
          environment.err().println("crm: " + exception.getMessage());
          environment.err().println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName()
              + " --help' for usage.");
          return Failures.USAGE;
        })
        .setExecutionExceptionHandler((exception, cmd, parseResult) -> {
          environment.err().println("crm: " + Failures.oneLine(exception));
          if (main.debug) {
            exception.printStackTrace(environment.err());
          }
          return Failures.exitStatus(exception);
        });
    commandLine.setExecutionStrategy(parseResult -> {
      main.adjustLogging(parseResult);
      return new CommandLine.RunLast().execute(parseResult);
    });
    int status = commandLine.execute(args);
    environment.out().flush();
    environment.err().flush();
    return status;
  }

  /** The text UI (the default command). */
  @Override
  public Integer call() {
    return new TextUiCommand(this).call();
  }

  /** The root command of any subcommand, to reach the global options and the environment. */
  static Main of(CommandSpec spec) {
    return (Main) spec.root().userObject();
  }

  CliEnvironment environment() {
    return environment;
  }

  boolean debug() {
    return debug;
  }

  /** The configuration with the global flags applied. */
  CrmConfig config() {
    return config(null, null);
  }

  /** The configuration with the global flags and crm serve's --host/--port applied. */
  CrmConfig config(String httpHost, String httpPort) {
    ConfigOverrides overrides = new ConfigOverrides(home, configFile, httpHost, httpPort);
    return CrmConfigLoader.load(overrides, environment.variables(), environment.userHome());
  }

  /**
   * An admin command's output is for a person, and its failure is one line on stderr: library log
   * lines (zonky, Flyway, Hikari, the persistence module's warnings) would bury or double it, so
   * only errors are logged unless --debug. Without a packaged logging configuration, logback would
   * print DEBUG on stdout: INFO is the floor then. The text UI's terminal is its screen, so its
   * log goes to $CRM_HOME/crm.log instead.
   */
  private void adjustLogging(CommandLine.ParseResult parseResult) {
    if (!parseResult.hasSubcommand() && !help) {
      // Before the first SLF4J call: logback reads crm.log.file when it starts.
      TextUiCommand.logToFile(this);
    }
    if (!(LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root)) {
      return;
    }
    boolean admin = parseResult.hasSubcommand() && "admin".equals(parseResult.subcommand().commandSpec().name());
    if (admin && !debug) {
      root.setLevel(Level.ERROR);
    } else if (Main.class.getResource("/logback.xml") == null) {
      root.setLevel(Level.INFO);
    }
  }
}
