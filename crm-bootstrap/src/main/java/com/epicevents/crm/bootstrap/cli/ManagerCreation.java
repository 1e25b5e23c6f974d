package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.http.json.IntegrationRepresentations;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.core.CrmCore;
import com.epicevents.crm.bootstrap.monitoring.SentryErrorReporter;
import com.epicevents.crm.core.Argon2PasswordHasher;
import com.epicevents.crm.core.Argon2Settings;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.persistence.CrmDatabase;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code crm admin create-manager} through the core, as the running application would do it:
 * the application role's connection, Argon2id with the configured cost, monitoring when set.
 */
final class ManagerCreation {
  private ManagerCreation() {}

  static CollaboratorId create(CrmConfig config, String applicationJdbcUrl, String username, String fullName,
      String phone, String email, char[] password) {
    // Validated before any connection: a bad field changes nothing and costs nothing.
    CreateManagerAsAdminUseCase.Command command =
        CreateManagerAsAdminUseCase.Command.of(username, fullName, phone, email, password);
    Argon2Settings cost = RunningCrm.argon2(config);
    try (HikariDataSource app = CrmDatabase.pooledDataSource(
             applicationJdbcUrl, config.dbAppUser(), config.dbAppPassword(), 2);
         SentryErrorReporter reporter = RunningCrm.startMonitoring(config)) {
      try (CrmCore core = CrmCore.builder(app)
          .passwordHasher(new Argon2PasswordHasher(cost))
          .securitySettings(config.securitySettings())
          .errorReporter(reporter)
          .webhookBodies(IntegrationRepresentations::webhookBody)
          .build()) {
        return core.useCases().createManagerAsAdmin().execute(command);
      }
    }
  }
}
