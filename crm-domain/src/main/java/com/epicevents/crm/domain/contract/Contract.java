package com.epicevents.crm.domain.contract;

import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Instant;
import java.util.Objects;

/**
 * What a client agreed to pay. Its sales contact is not stored here: it is always the client's
 * current sales contact, so reassigning the client moves its contracts with it.
 */
public record Contract(
    ContractId id,
    ClientId clientId,
    Money totalAmount,
    Money amountDue,
    boolean signed,
    Instant signedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Contract {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(totalAmount, "totalAmount");
    Objects.requireNonNull(amountDue, "amountDue");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (signed != (signedAt != null)) {
      throw new IllegalArgumentException("a signed contract has a signing time, an unsigned one none");
    }
  }

  /** Rule 2: 0 ≤ amount due ≤ total amount. */
  public static Contract create(ClientId clientId, Money total, Money due, boolean signed, Instant now) {
    requireDueWithinTotal(total, due);
    return new Contract(null, clientId, total, due, signed, signed ? now : null, now, now, 0);
  }

  /** Rule 2, for a change of either amount. */
  public Contract changeAmounts(Money total, Money due, Instant now) {
    requireDueWithinTotal(total, due);
    return new Contract(id, clientId, total, due, signed, signedAt, createdAt, now, version);
  }

  /** Signing is final; signing a signed contract changes nothing. */
  public Contract sign(Instant now) {
    if (signed) {
      return this;
    }
    return new Contract(id, clientId, totalAmount, amountDue, true, now, createdAt, now, version);
  }

  /** Rule 1: a signed contract stays signed. Unsigning an unsigned one changes nothing. */
  public Contract unsign() {
    if (signed) {
      throw new BusinessRuleViolated("signed", "a signed contract cannot be marked as unsigned");
    }
    return this;
  }

  public boolean fullyPaid() {
    return amountDue.isZero();
  }

  public Contract stored(ContractId newId, long newVersion, Instant updated) {
    return new Contract(newId, clientId, totalAmount, amountDue, signed, signedAt, createdAt, updated, newVersion);
  }

  private static void requireDueWithinTotal(Money total, Money due) {
    if (due.compareTo(total) > 0) {
      throw ValidationFailed.of("amountDue", "cannot exceed the total amount (" + total + ")");
    }
  }
}
