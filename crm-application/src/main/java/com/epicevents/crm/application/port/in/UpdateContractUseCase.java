package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.Validation;
import com.epicevents.crm.domain.contract.ContractId;

/**
 * Management, or the sales contact of the contract's client, changes the amounts or signs the
 * contract. {@code signed = false} on a signed contract is refused (rule 1).
 */
public interface UpdateContractUseCase {
  ContractView update(AuthToken token, Command command);

  record Command(ContractId id, Long expectedVersion, Money totalAmount, Money amountDue, Boolean signed) {
    /** A command is valid once built: every required field is present. */
    public Command {
      Validation v = new Validation().required("id", id);
      v.throwIfInvalid();
    }

    /** Null amounts or signed flag are left as they are. */
    public static Command of(long id, Long expectedVersion, String totalAmount, String amountDue, Boolean signed) {
      Validation v = new Validation();
      ContractId cid = v.field("id", () -> new ContractId(id));
      Money total = totalAmount == null ? null : v.field("totalAmount", () -> Money.of(totalAmount));
      Money due = amountDue == null ? null : v.field("amountDue", () -> Money.of(amountDue));
      v.throwIfInvalid();
      return new Command(cid, expectedVersion, total, due, signed);
    }
  }
}
