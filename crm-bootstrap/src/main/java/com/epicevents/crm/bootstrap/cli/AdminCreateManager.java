package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.persistence.CrmDatabase;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm admin create-manager}: creates an active MANAGEMENT collaborator. The password
 * comes from standard input with --password-stdin, otherwise from two prompts without echo.
 */
@Command(name = "create-manager", description = "Create an active MANAGEMENT collaborator.")
final class AdminCreateManager implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--username", required = true, paramLabel = "U", description = "login name")
  String username;

  @Option(names = "--full-name", required = true, paramLabel = "N", description = "first and last name")
  String fullName;

  @Option(names = "--phone", required = true, paramLabel = "P", description = "phone number")
  String phone;

  @Option(names = "--email", paramLabel = "E", description = "e-mail address (optional)")
  String email;

  @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
  boolean passwordStdin;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    if (!DatabaseTarget.exists(config) || config.dbAppPassword() == null) {
      throw new CliFailure("the CRM database is not initialised: run 'crm admin init' first");
    }
    CliEnvironment environment = main.environment();
    char[] password = passwordStdin
        ? PasswordInput.fromStandardInput(environment.in())
        : PasswordInput.prompt(environment.console(), username);
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      CrmDatabase.schemaVersion(target.owner())
          .orElseThrow(() -> new CliFailure("the CRM database is not initialised: run 'crm admin init' first"));
      CollaboratorId id = ManagerCreation.create(config, target.applicationJdbcUrl(),
          username, fullName, phone, email, password);
      environment.out().println("Manager " + username + " created (id " + id.value() + ").");
    } finally {
      Arrays.fill(password, '\0');
    }
    return Failures.SUCCESS;
  }
}
