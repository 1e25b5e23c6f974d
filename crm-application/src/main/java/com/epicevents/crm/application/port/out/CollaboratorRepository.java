package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Email;
import java.util.Optional;

/** Stores collaborators. Saves check the version read (optimistic locking). */
public interface CollaboratorRepository {
  Optional<Collaborator> findById(CollaboratorId id);

  /** Case-insensitive lookup by login name; the raw input need not be a valid username. */
  Optional<Collaborator> findByUsername(String username);

  /** True when another collaborator (not {@code except}, which may be null) has this e-mail, case-insensitively. */
  boolean emailTaken(Email email, CollaboratorId except);

  /** Inserts a new collaborator; returns it with its id and version 1. Taken username/e-mail → BusinessRuleViolated. */
  Collaborator insert(Collaborator collaborator);

  /**
   * Saves a changed collaborator if its stored version still equals {@code collaborator.version()};
   * returns it with the next version, else throws ConcurrentModification.
   */
  Collaborator update(Collaborator collaborator);

  long countActiveManagers();

  Page<Collaborator> list(CollaboratorFilter filter, PageRequest page);
}
