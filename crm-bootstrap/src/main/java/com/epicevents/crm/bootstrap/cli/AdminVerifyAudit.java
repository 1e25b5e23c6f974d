package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.persistence.AuditVerification;
import com.epicevents.crm.persistence.CrmDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crm admin verify-audit}: exit 0 when the audit trail is intact, 1 naming the first bad entry. */
@Command(name = "verify-audit", description = "Check the audit trail's integrity; exit 0 when intact, 1 naming the first bad entry.")
final class AdminVerifyAudit implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    CrmConfig config = main.config();
    try (DatabaseTarget target = DatabaseTarget.open(config, false)) {
      CrmDatabase.schemaVersion(target.owner())
          .orElseThrow(() -> new CliFailure("the CRM database is not initialised: run 'crm admin init' first"));
      AuditVerification result = CrmDatabase.verifyAudit(target.owner());
      if (!result.intact()) {
        throw new CliFailure("the audit trail is broken at entry " + result.firstBadId() + ": " + result.reason()
            + " (" + result.checked() + " entries checked)");
      }
      main.environment().out().println("Audit trail intact: " + result.checked()
          + (result.checked() == 1 ? " entry" : " entries") + " checked.");
    }
    return Failures.SUCCESS;
  }
}
