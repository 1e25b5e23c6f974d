package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.persistence.CrmDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crm admin wipe --confirm DBNAME}: drops all CRM data, only when DBNAME is the configured database. */
@Command(name = "wipe", description = "Drop all CRM data; refuses unless --confirm names the configured database.")
final class AdminWipe implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--confirm", required = true, paramLabel = "DBNAME",
      description = "the configured database's name, typed back")
  String confirm;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    // Checked before anything starts: a refusal touches nothing.
    if (!config.databaseName().equals(confirm)) {
      throw new CliFailure("refusing to wipe: --confirm must be the configured database's name, '"
          + config.databaseName() + "'");
    }
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      CrmDatabase.wipe(target.owner());
      main.environment().out().println("All CRM data in database " + config.databaseName() + " was wiped.");
    }
    return Failures.SUCCESS;
  }
}
