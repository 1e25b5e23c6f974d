package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.persistence.CrmDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crm admin migrate}: applies pending migrations to an initialised database, nothing else. */
@Command(name = "migrate", description = "Apply pending migrations only.")
final class AdminMigrate implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      String before = CrmDatabase.schemaVersion(target.owner())
          .orElseThrow(() -> new CliFailure("the CRM database is not initialised: run 'crm admin init' first"));
      String after = CrmDatabase.migrateOnly(target.owner());
      main.environment().out().println(before.equals(after)
          ? "Schema version " + after + ": already up to date."
          : "Schema migrated from version " + before + " to " + after + ".");
    }
    return Failures.SUCCESS;
  }
}
