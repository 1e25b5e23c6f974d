package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.PasswordPolicy;
import com.epicevents.crm.domain.common.Team;
import java.util.Arrays;
import java.util.Map;

/** Installation-level creation of a manager; the audit entry has no actor ("the installer"). */
final class CreateManagerAsAdminService implements CreateManagerAsAdminUseCase {
  private final CorePorts ports;
  private final Guard guard;

  CreateManagerAsAdminService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CollaboratorId execute(Command command) {
    try {
      Collaborator saved = guard.run(() -> {
        PasswordPolicy.check("password", command.password(), command.username());
        Uniqueness.check(ports, command.username().value(), command.email(), null);
        Collaborator created = ports.collaborators().insert(Collaborator.create(command.username(),
            command.fullName(), command.email(), command.phone(), Team.MANAGEMENT,
            ports.passwordHasher().hash(command.password()), guard.now()));
        guard.audit((Long) null, "CREATED_BY_ADMIN", EntityType.COLLABORATOR, created.id().value(),
            AuditChanges.of(null, created));
        guard.announce((Long) null, "CREATED", EntityType.COLLABORATOR, created.id().value(), AuditChanges.of(null, created),
            CollaboratorView.full(created));
        return created;
      });
      ports.errorReporter().businessEvent("collaborator created",
          Map.of("collaboratorId", saved.id().toString(), "team", saved.team().name()));
      return saved.id();
    } finally {
      Arrays.fill(command.password(), '\0');
    }
  }

  @Override
  public boolean noActiveManager() {
    return ports.transactions().inTransaction(() -> ports.collaborators().countActiveManagers() == 0);
  }
}
