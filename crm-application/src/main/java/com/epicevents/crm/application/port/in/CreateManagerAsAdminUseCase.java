package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Validation;

/**
 * Installation-level: whoever holds the database owner's credentials creates a manager
 * (`crm admin create-manager`, the first-launch wizard). No staff session is involved.
 */
public interface CreateManagerAsAdminUseCase {
  CollaboratorId execute(Command command);

  /** True when no active manager exists yet (the first-launch wizard asks for one then). */
  boolean noActiveManager();

  record Command(Username username, PersonName fullName, Phone phone, Email email, char[] password) {
    /** A command is valid once built: every required field is present. */
    public Command {
      Validation v = new Validation().required("username", username).required("fullName", fullName).required("phone", phone).required("password", password);
      v.throwIfInvalid();
    }

    public static Command of(String username, String fullName, String phone, String email, char[] password) {
      Validation v = new Validation();
      Username u = v.field("username", () -> new Username(username));
      PersonName n = v.field("fullName", () -> new PersonName(fullName));
      Phone p = v.field("phone", () -> new Phone(phone));
      Email e = v.field("email", () -> Email.optional(email));
      v.check(password != null && password.length > 0, "password", "is required");
      v.throwIfInvalid();
      return new Command(u, n, p, e, password);
    }

    @Override
    public String toString() {
      return "CreateManager[username=" + username + "]";
    }
  }
}
