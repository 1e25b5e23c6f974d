package com.epicevents.crm.domain.client;

import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Instant;
import java.util.Objects;

/** A customer, in the charge of one salesperson (its sales contact). */
public record Client(
    ClientId id,
    PersonName fullName,
    Email email,
    Phone phone,
    CompanyName companyName,
    Instant createdAt,
    Instant updatedAt,
    Instant lastContactAt,
    CollaboratorId salesContactId,
    long version) {

  public Client {
    Objects.requireNonNull(fullName, "fullName");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(companyName, "companyName");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(lastContactAt, "lastContactAt");
    Objects.requireNonNull(salesContactId, "salesContactId");
  }

  /**
   * A new client whose sales contact is the salesperson creating it. The last contact defaults
   * to now and is never in the future.
   */
  public static Client create(
      PersonName fullName, Email email, Phone phone, CompanyName companyName,
      Instant lastContactAt, Collaborator creator, Instant now) {
    requireActiveSales(creator);
    Instant lastContact = lastContactAt == null ? now : lastContactAt;
    requireNotFuture(lastContact, now);
    return new Client(null, fullName, email, phone, companyName, now, now, lastContact, creator.id(), 0);
  }

  public Client updateDetails(
      PersonName newFullName, Email newEmail, Phone newPhone, CompanyName newCompanyName,
      Instant newLastContactAt, Instant now) {
    requireNotFuture(newLastContactAt, now);
    return new Client(id, newFullName, newEmail, newPhone, newCompanyName, createdAt, now,
        newLastContactAt, salesContactId, version);
  }

  /** Rule 5: a client's sales contact must be an active member of the SALES team. */
  public Client reassignTo(Collaborator salesperson, Instant now) {
    requireActiveSales(salesperson);
    return new Client(id, fullName, email, phone, companyName, createdAt, now, lastContactAt,
        salesperson.id(), version);
  }

  public boolean isInChargeOf(CollaboratorId collaborator) {
    return salesContactId.equals(collaborator);
  }

  public Client stored(ClientId newId, long newVersion, Instant updated) {
    return new Client(newId, fullName, email, phone, companyName, createdAt, updated, lastContactAt,
        salesContactId, newVersion);
  }

  private static void requireActiveSales(Collaborator salesperson) {
    if (salesperson == null || !salesperson.isActiveIn(Team.SALES)) {
      throw ValidationFailed.of("salesContactId", "must be an active member of the SALES team");
    }
  }

  private static void requireNotFuture(Instant lastContactAt, Instant now) {
    if (lastContactAt.isAfter(now)) {
      throw ValidationFailed.of("lastContactAt", "cannot be in the future");
    }
  }
}
