package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Validation;
import java.time.Instant;

/** A salesperson creates a client and becomes its sales contact. */
public interface CreateClientUseCase {
  ClientView create(AuthToken token, Command command);

  /** {@code lastContactAt} null means now. */
  record Command(PersonName fullName, Email email, Phone phone, CompanyName companyName, Instant lastContactAt) {
    /** A command is valid once built: every required field is present. */
    public Command {
      Validation v = new Validation().required("fullName", fullName).required("phone", phone).required("companyName", companyName);
      v.throwIfInvalid();
    }

    public static Command of(String fullName, String email, String phone, String companyName, Instant lastContactAt) {
      Validation v = new Validation();
      PersonName n = v.field("fullName", () -> new PersonName(fullName));
      Email e = v.field("email", () -> Email.optional(email));
      Phone p = v.field("phone", () -> new Phone(phone));
      CompanyName c = v.field("companyName", () -> new CompanyName(companyName));
      v.throwIfInvalid();
      return new Command(n, e, p, c, lastContactAt);
    }
  }
}
