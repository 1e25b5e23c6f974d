package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.PasswordPolicy;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import java.util.Arrays;
import java.util.Map;

final class CreateCollaboratorService implements CreateCollaboratorUseCase {
  private final CorePorts ports;
  private final Guard guard;

  CreateCollaboratorService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public CollaboratorView create(AuthToken token, Command command) {
    try {
      Collaborator saved = guard.run(() -> {
        Authenticated who = guard.authenticate(token);
        guard.permit(who, Action.CREATE_COLLABORATOR, Ownership.NONE, EntityType.COLLABORATOR, null);
        guard.requirePasswordConfirmed(who);
        PasswordPolicy.check("password", command.password(), command.username());
        Uniqueness.check(ports, command.username().value(), command.email(), null);
        Collaborator created = ports.collaborators().insert(Collaborator.create(command.username(),
            command.fullName(), command.email(), command.phone(), command.team(),
            ports.passwordHasher().hash(command.password()), guard.now()));
        guard.audit(who, "CREATED", EntityType.COLLABORATOR, created.id().value(), AuditChanges.of(null, created));
        guard.announce(who, "CREATED", EntityType.COLLABORATOR, created.id().value(), AuditChanges.of(null, created),
            CollaboratorView.full(created));
        return created;
      });
      ports.errorReporter().businessEvent("collaborator created",
          Map.of("collaboratorId", saved.id().toString(), "team", saved.team().name()));
      return CollaboratorView.full(saved);
    } finally {
      Arrays.fill(command.password(), '\0');
    }
  }
}

/** Username and e-mail are unique; checked first for a clear message, enforced by the store too. */
final class Uniqueness {
  private Uniqueness() {}

  static void check(CorePorts ports, String username, com.epicevents.crm.domain.common.Email email,
      com.epicevents.crm.domain.collaborator.CollaboratorId self) {
    ports.collaborators().findByUsername(username)
        .filter(other -> !other.id().equals(self))
        .ifPresent(other -> {
          throw new BusinessRuleViolated("username", "username is already taken");
        });
    if (email != null && ports.collaborators().emailTaken(email, self)) {
      throw new BusinessRuleViolated("email", "email is already taken");
    }
  }
}
