package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.common.Validation;

/** Management creates a collaborator account. */
public interface CreateCollaboratorUseCase {
  CollaboratorView create(AuthToken token, Command command);

  record Command(Username username, PersonName fullName, Email email, Phone phone, Team team, char[] password) {
    /** A command is valid once built: every required field is present. */
    public Command {
      Validation v = new Validation().required("username", username).required("fullName", fullName).required("phone", phone).required("team", team).required("password", password);
      v.throwIfInvalid();
    }

    /** Validates every field at once; the password rules are checked by the use case. */
    public static Command of(String username, String fullName, String email, String phone, String team, char[] password) {
      Validation v = new Validation();
      Username u = v.field("username", () -> new Username(username));
      PersonName n = v.field("fullName", () -> new PersonName(fullName));
      Email e = v.field("email", () -> Email.optional(email));
      Phone p = v.field("phone", () -> new Phone(phone));
      Team t = v.field("team", () -> Team.parse(team));
      v.check(password != null && password.length > 0, "password", "is required");
      v.throwIfInvalid();
      return new Command(u, n, e, p, t, password);
    }

    @Override
    public String toString() {
      return "CreateCollaborator[username=" + username + ", team=" + team + "]";
    }
  }
}
