package com.epicevents.crm.domain.event;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.contract.ContractId;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Instant;
import java.util.Objects;

/** A party organised under a signed contract, run on the day by a support contact. */
public record Event(
    EventId id,
    ContractId contractId,
    EventDetails details,
    Schedule schedule,
    CollaboratorId supportContactId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Event {
    Objects.requireNonNull(contractId, "contractId");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * Rule 3: only for a signed contract. Rule 4: a start given cannot be in the past. Rule 5: a
   * support contact, when given, is an active member of SUPPORT.
   */
  public static Event plan(
      Contract contract, EventDetails details, Schedule schedule, Collaborator support, Instant now) {
    if (!contract.signed()) {
      throw new BusinessRuleViolated("contractId", "an event can only be created for a signed contract");
    }
    requireStartNotPast(schedule.startAt(), now);
    return new Event(null, contract.id(), details, schedule, supportIdOf(support), now, now, 0);
  }

  public Event updateDetails(EventDetails newDetails, Instant now) {
    return new Event(id, contractId, newDetails, schedule, supportContactId, createdAt, now, version);
  }

  /** Rule 4: a start that is set or changed cannot be in the past; an unchanged one may be. */
  public Event reschedule(Schedule newSchedule, Instant now) {
    if (newSchedule.startAt() != null && !newSchedule.startAt().equals(schedule.startAt())) {
      requireStartNotPast(newSchedule.startAt(), now);
    }
    return new Event(id, contractId, details, newSchedule, supportContactId, createdAt, now, version);
  }

  /** Rule 5; {@code null} unassigns. */
  public Event assignSupport(Collaborator support, Instant now) {
    return new Event(id, contractId, details, schedule, supportIdOf(support), createdAt, now, version);
  }

  public boolean isSupportedBy(CollaboratorId collaborator) {
    return supportContactId != null && supportContactId.equals(collaborator);
  }

  public Event stored(EventId newId, long newVersion, Instant updated) {
    return new Event(newId, contractId, details, schedule, supportContactId, createdAt, updated, newVersion);
  }

  private static CollaboratorId supportIdOf(Collaborator support) {
    if (support == null) {
      return null;
    }
    if (!support.isActiveIn(Team.SUPPORT)) {
      throw ValidationFailed.of("supportContactId", "must be an active member of the SUPPORT team");
    }
    return support.id();
  }

  private static void requireStartNotPast(Instant startAt, Instant now) {
    if (startAt != null && startAt.isBefore(now)) {
      throw ValidationFailed.of("startAt", "cannot be in the past");
    }
  }
}
