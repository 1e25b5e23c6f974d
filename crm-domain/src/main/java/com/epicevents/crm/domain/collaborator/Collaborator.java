package com.epicevents.crm.domain.collaborator;

import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import java.time.Instant;
import java.util.Objects;

/**
 * An employee. Immutable: every change returns a new value, which the repository saves against
 * the version it was read with. Never deleted: deactivated instead.
 */
public record Collaborator(
    CollaboratorId id,
    Username username,
    PersonName fullName,
    Email email,
    Phone phone,
    Team team,
    boolean active,
    String passwordHash,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Collaborator {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new, active collaborator; the database assigns the id. */
  public static Collaborator create(
      Username username, PersonName fullName, Email email, Phone phone, Team team,
      String passwordHash, Instant now) {
    return new Collaborator(null, username, fullName, email, phone, team, true, passwordHash, now, now, 0);
  }

  public boolean isActiveIn(Team wanted) {
    return active && team == wanted;
  }

  public boolean isActiveManager() {
    return isActiveIn(Team.MANAGEMENT);
  }

  /**
   * Changes the details management may edit. Rule 7: the last active manager cannot leave
   * MANAGEMENT; {@code activeManagers} counts active managers including this one.
   */
  public Collaborator updateDetails(
      Username newUsername, PersonName newFullName, Email newEmail, Phone newPhone, Team newTeam,
      long activeManagers, Instant now) {
    if (isActiveManager() && newTeam != Team.MANAGEMENT && activeManagers <= 1) {
      throw new BusinessRuleViolated("team", "the last active manager cannot be moved out of MANAGEMENT");
    }
    return new Collaborator(id, newUsername, newFullName, newEmail, newPhone, newTeam, active,
        passwordHash, createdAt, now, version);
  }

  /** Rule 7: the last active manager cannot be deactivated. */
  public Collaborator deactivate(long activeManagers, Instant now) {
    if (!active) {
      throw new BusinessRuleViolated("active", "the collaborator is already deactivated");
    }
    if (isActiveManager() && activeManagers <= 1) {
      throw new BusinessRuleViolated("active", "the last active manager cannot be deactivated");
    }
    return withActive(false, now);
  }

  public Collaborator reactivate(Instant now) {
    if (active) {
      throw new BusinessRuleViolated("active", "the collaborator is already active");
    }
    return withActive(true, now);
  }

  public Collaborator withPasswordHash(String newHash, Instant now) {
    return new Collaborator(id, username, fullName, email, phone, team, active, newHash, createdAt, now, version);
  }

  /** The same record as saved by the store: its id and version assigned. */
  public Collaborator stored(CollaboratorId newId, long newVersion, Instant updated) {
    return new Collaborator(newId, username, fullName, email, phone, team, active, passwordHash,
        createdAt, updated, newVersion);
  }

  private Collaborator withActive(boolean value, Instant now) {
    return new Collaborator(id, username, fullName, email, phone, team, value, passwordHash, createdAt, now, version);
  }

  /** Never prints the password hash. */
  @Override
  public String toString() {
    return "Collaborator[id=" + id + ", username=" + username + ", team=" + team + ", active=" + active
        + ", version=" + version + "]";
  }
}
