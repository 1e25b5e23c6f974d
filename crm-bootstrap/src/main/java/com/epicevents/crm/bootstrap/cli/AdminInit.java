package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.persistence.CrmDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code crm admin init}: creates the database if needed (starting the embedded server when no
 * db.url is set), the application role, and migrates. Running it again changes nothing.
 */
@Command(name = "init", description = "Create (if needed) and migrate the configured database, with its roles; idempotent.")
final class AdminInit implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws SQLException {
    Main main = Main.of(spec);
    CrmConfig loaded = main.config();
    PrintWriter out = main.environment().out();
    InitUndo undo = InitUndo.before(loaded);
    try {
      ready(main, loaded, out);
    } catch (SQLException | RuntimeException e) {
      undo.undo(); // a refused init leaves nothing behind: no crm.conf, lock or data directory of its own
      throw e;
    }
    return Failures.SUCCESS;
  }

  private static void ready(Main main, CrmConfig loaded, PrintWriter out) throws SQLException {
    try {
      ConfigFile.tightenDirectory(loaded.home()).ifPresent(before ->
          out.println("Made the CRM home " + loaded.home() + " readable by its owner only (it was " + before + ")."));
    } catch (IOException e) {
      throw new CliFailure("cannot restrict the CRM home " + loaded.home() + " to its owner: " + e.getMessage());
    }
    CrmConfig config = Secrets.ensureForInit(main, loaded);
    try (DatabaseTarget target = DatabaseTarget.open(config, true)) {
      String version = initialise(target, config);
      out.println("Database " + config.databaseName() + " is ready at " + target.location() + " (" + target.description() + ").");
      out.println("Schema version " + version + "; the application connects as role " + config.dbAppUser()
          + " (password in " + config.configFile() + ").");
      if (CrmDatabase.recordCounts(target.owner()).getOrDefault("collaborators", 0L) == 0) {
        out.println("Next: create the first manager with"
            + " crm admin create-manager --username U --full-name N --phone P [--email E]");
      }
    }
  }

  /**
   * What init does once the database is reachable (also the text UI's first launch): creates the
   * external database when missing, migrates, and creates or updates the application role.
   *
   * @param config a configuration whose secrets {@link Secrets#ensureForInit} has ensured
   * @return the schema version
   */
  static String initialise(DatabaseTarget target, CrmConfig config) throws SQLException {
    target.createDatabaseIfMissing();
    return CrmDatabase.migrate(target.owner(), config.dbAppUser(), config.dbAppPassword());
  }
}
