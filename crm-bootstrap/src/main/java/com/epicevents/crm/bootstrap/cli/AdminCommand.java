package com.epicevents.crm.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code crm admin ...}: the installation-level commands. */
@Command(
    name = "admin",
    description = "Installation commands: init, migrate, create-manager, status, verify-audit, seed-demo, backup, "
        + "restore, wipe.",
    subcommands = {AdminInit.class, AdminMigrate.class, AdminCreateManager.class, AdminStatus.class,
        AdminVerifyAudit.class, AdminSeedDemo.class, AdminBackup.class, AdminRestore.class, AdminWipe.class})
final class AdminCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UsageException("crm admin needs a command: init, migrate, create-manager, status, verify-audit, seed-demo, "
        + "backup, restore or wipe");
  }
}
