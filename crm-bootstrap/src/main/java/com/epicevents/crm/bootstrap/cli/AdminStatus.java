package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.Setting;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.PersistenceFailure;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crm admin status}: where the configuration came from, where the database is (never a
 * password), its schema version and record counts. The first command a newcomer types, so on a
 * fresh home it explains and succeeds rather than failing.
 */
@Command(name = "status", description = "Show the configuration's origin, the database location, schema version, record counts"
    + " and the webhook backlog.")
final class AdminStatus implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    PrintWriter out = main.environment().out();

    out.println("CRM home:        " + config.home() + "  [" + config.homeOrigin() + "]");
    out.println("Config file:     " + config.configFile()
        + (Files.exists(config.configFile()) ? "" : "  (absent: defaults and environment apply)"));
    out.println("Settings:");
    int width = java.util.Arrays.stream(Setting.values()).mapToInt(s -> s.key().length()).max().orElse(0);
    for (Setting setting : Setting.values()) {
      out.printf("  %-" + width + "s  %s  [%s]%n", setting.key(), config.displayValue(setting), config.origin(setting));
    }

    if (!DatabaseTarget.exists(config)) {
      out.println("Database:        " + DatabaseTarget.notCreatedDescription(config));
      out.println("Schema version:  not initialised (run 'crm admin init')");
      return Failures.SUCCESS;
    }
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      out.println("Database:        " + target.description());
      String owner = config.ownerUser() == null ? "from db.url or the driver's default" : config.ownerUser();
      out.println("Location:        " + target.location() + " (owner " + owner
          + ", application role " + config.dbAppUser() + ")");
      if (!target.databaseExists()) {
        out.println("Schema version:  not initialised (database " + config.databaseName()
            + " does not exist yet; 'crm admin init' creates it)");
        return Failures.SUCCESS;
      }
      Optional<String> version = CrmDatabase.schemaVersion(target.owner());
      if (version.isEmpty()) {
        out.println("Schema version:  not initialised (run 'crm admin init')");
        return Failures.SUCCESS;
      }
      out.println("Schema version:  " + version.get());
      Map<String, Long> counts = CrmDatabase.recordCounts(target.owner());
      out.println("Records:         " + counts.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", ")));
      out.println("Webhooks:        " + webhookBacklog(target));
    }
    return Failures.SUCCESS;
  }

  private static String webhookBacklog(DatabaseTarget target) {
    try {
      var backlog = CrmDatabase.webhookBacklog(target.owner());
      return backlog.due() + " attempts due now, " + backlog.scheduled() + " retries scheduled, "
          + backlog.failingSubscriptions() + " subscriptions failing, " + backlog.disabledSubscriptions() + " disabled";
    } catch (PersistenceFailure notMigrated) {
      return "unknown (" + notMigrated.getMessage() + "; run 'crm admin migrate')";
    }
  }
}
