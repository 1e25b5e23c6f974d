package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.core.Argon2PasswordHasher;
import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.demo.DemoData;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm admin seed-demo [--size small|large]}: fills an empty CRM database with realistic demo
 * data to try the CRM out (small), or to measure it at scale (large: 100k clients, 300k contracts,
 * 1M events, loaded with COPY). Refuses a database that already holds business records.
 */
@Command(name = "seed-demo", description = "Fill an empty database with demo data (small: to try the CRM out; "
    + "large: 100k clients, 300k contracts, 1M events).")
final class AdminSeedDemo implements Callable<Integer> {
  /** Every demo account's password, printed by the command: demo data is for trying things out. */
  static final String DEMO_PASSWORD = "epic-events-demo";

  @Spec CommandSpec spec;

  @Option(names = "--size", paramLabel = "small|large", defaultValue = "small",
      description = "small (default) or large")
  String size;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    DemoData.Size chosen = switch (size.toLowerCase(Locale.ROOT)) {
      case "small" -> DemoData.Size.SMALL;
      case "large" -> DemoData.Size.LARGE;
      default -> throw new UsageException("--size must be small or large, not '" + size + "'");
    };
    CrmConfig config = main.config();
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      CrmDatabase.schemaVersion(target.owner())
          .orElseThrow(() -> new CliFailure("the CRM database is not initialised: run 'crm admin init' first"));
      String hash = new Argon2PasswordHasher(RunningCrm.argon2(config)).hash(DEMO_PASSWORD.toCharArray());
      DemoData.LoadReport report;
      try {
        report = DemoData.load(target.owner(), chosen, hash, 2027L);
      } catch (IllegalStateException refused) {
        throw new CliFailure(refused.getMessage());
      }
      var out = main.environment().out();
      out.println("Demo data (" + chosen.name() + ") loaded in " + report.elapsed().toMillis() / 1000.0 + " s: "
          + report.counts());
      out.println("Log in as manager1, sales1 or support1 (and manager2, sales2, …) with the password '"
          + DEMO_PASSWORD + "'.");
    }
    return Failures.SUCCESS;
  }
}
