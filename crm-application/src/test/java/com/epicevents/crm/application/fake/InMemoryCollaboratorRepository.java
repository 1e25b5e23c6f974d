package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.CollaboratorRepository;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.NotFound;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

public final class InMemoryCollaboratorRepository implements CollaboratorRepository {
  private final InMemoryStore store;

  InMemoryCollaboratorRepository(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public Optional<Collaborator> findById(CollaboratorId id) {
    return store.locked(() -> Optional.ofNullable(store.collaborators.get(id.value())));
  }

  @Override
  public Optional<Collaborator> findByUsername(String username) {
    String key = username.strip().toLowerCase(Locale.ROOT);
    return store.locked(() -> store.collaborators.values().stream()
        .filter(c -> c.username().key().equals(key)).findFirst());
  }

  @Override
  public boolean emailTaken(Email email, CollaboratorId except) {
    return store.locked(() -> store.collaborators.values().stream()
        .anyMatch(c -> c.email() != null && c.email().value().equalsIgnoreCase(email.value())
            && !c.id().equals(except)));
  }

  @Override
  public Collaborator insert(Collaborator collaborator) {
    return store.locked(() -> {
      checkUnique(collaborator, null);
      long id = store.nextId();
      Collaborator stored = collaborator.stored(new CollaboratorId(id), 1, collaborator.updatedAt());
      store.collaborators.put(id, stored);
      return stored;
    });
  }

  @Override
  public Collaborator update(Collaborator collaborator) {
    return store.locked(() -> {
      long id = collaborator.id().value();
      Collaborator current = store.collaborators.get(id);
      if (current == null) {
        throw new NotFound("COLLABORATOR", id);
      }
      if (current.version() != collaborator.version()) {
        throw new ConcurrentModification("COLLABORATOR", id, current);
      }
      checkUnique(collaborator, collaborator.id());
      Collaborator stored = collaborator.stored(collaborator.id(), current.version() + 1, collaborator.updatedAt());
      store.collaborators.put(id, stored);
      return stored;
    });
  }

  @Override
  public long countActiveManagers() {
    return store.locked(() -> store.collaborators.values().stream().filter(c -> c.isActiveIn(Team.MANAGEMENT)).count());
  }

  @Override
  public Page<Collaborator> list(CollaboratorFilter filter, PageRequest page) {
    return store.locked(() -> Paging.page(store.collaborators,
        c -> (filter.team() == null || c.team() == filter.team())
            && (filter.active() == null || c.active() == filter.active()),
        page, c -> c.id().value()));
  }

  private void checkUnique(Collaborator candidate, CollaboratorId self) {
    for (Collaborator other : store.collaborators.values()) {
      if (Objects.equals(other.id(), self)) {
        continue;
      }
      if (other.username().key().equals(candidate.username().key())) {
        throw new BusinessRuleViolated("username", "username is already taken");
      }
      if (candidate.email() != null && other.email() != null
          && other.email().value().equalsIgnoreCase(candidate.email().value())) {
        throw new BusinessRuleViolated("email", "email is already taken");
      }
    }
  }
}
