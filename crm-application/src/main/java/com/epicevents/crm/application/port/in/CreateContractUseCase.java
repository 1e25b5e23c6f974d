package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.Validation;

/** Management creates a contract for any client; its sales contact is the client's. */
public interface CreateContractUseCase {
  ContractView create(AuthToken token, Command command);

  record Command(ClientId clientId, Money totalAmount, Money amountDue, boolean signed) {
    /** A command is valid once built: every required field is present. */
    public Command {
      Validation v = new Validation().required("clientId", clientId).required("totalAmount", totalAmount).required("amountDue", amountDue);
      if (totalAmount != null && amountDue != null) {
        v.check(amountDue.compareTo(totalAmount) <= 0, "amountDue", "cannot exceed the total amount (" + totalAmount + ")");
      }
      v.throwIfInvalid();
    }

    public static Command of(long clientId, String totalAmount, String amountDue, Boolean signed) {
      Validation v = new Validation();
      ClientId c = v.field("clientId", () -> new ClientId(clientId));
      Money total = v.field("totalAmount", () -> Money.of(totalAmount));
      Money due = v.field("amountDue", () -> Money.of(amountDue));
      v.throwIfInvalid();
      return new Command(c, total, due, Boolean.TRUE.equals(signed));
    }
  }
}
