package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.client.ClientId;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Validation;
import java.time.Instant;

/** The client's sales contact updates its details. */
public interface UpdateClientUseCase {
  ClientView update(AuthToken token, Command command);

  record Command(
      ClientId id, Long expectedVersion, FieldUpdate<PersonName> fullName, FieldUpdate<Email> email,
      FieldUpdate<Phone> phone, FieldUpdate<CompanyName> companyName, FieldUpdate<Instant> lastContactAt) {

    /** A command is valid once built: it names the record to change. */
    public Command {
      new Validation().required("id", id).throwIfInvalid();
    }

    public static Command of(
        long id, Long expectedVersion, FieldUpdate<String> fullName, FieldUpdate<String> email,
        FieldUpdate<String> phone, FieldUpdate<String> companyName, FieldUpdate<Instant> lastContactAt) {
      Validation v = new Validation();
      ClientId cid = v.field("id", () -> new ClientId(id));
      var n = FieldUpdate.parse(v, "fullName", fullName, PersonName::new);
      var e = FieldUpdate.parse(v, "email", email, Email::optional);
      var p = FieldUpdate.parse(v, "phone", phone, Phone::new);
      var c = FieldUpdate.parse(v, "companyName", companyName, CompanyName::new);
      v.check(lastContactAt == null || lastContactAt.value() != null, "lastContactAt", "cannot be cleared");
      v.throwIfInvalid();
      return new Command(cid, expectedVersion, n, e, p, c, lastContactAt);
    }
  }
}
