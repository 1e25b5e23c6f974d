package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.common.Validation;

/**
 * Management changes a collaborator's name, username, e-mail, phone or team. A team change ends
 * that collaborator's sessions. {@code expectedVersion} (a version read, or {@link ExpectedVersion#ANY}) refuses a stale edit.
 */
public interface UpdateCollaboratorUseCase {
  CollaboratorView update(AuthToken token, Command command);

  record Command(
      CollaboratorId id, Long expectedVersion, FieldUpdate<Username> username, FieldUpdate<PersonName> fullName,
      FieldUpdate<Email> email, FieldUpdate<Phone> phone, FieldUpdate<Team> team) {

    /** A command is valid once built: it names the record to change. */
    public Command {
      new Validation().required("id", id).throwIfInvalid();
    }

    public static Command of(
        long id, Long expectedVersion, FieldUpdate<String> username, FieldUpdate<String> fullName,
        FieldUpdate<String> email, FieldUpdate<String> phone, FieldUpdate<String> team) {
      Validation v = new Validation();
      CollaboratorId cid = v.field("id", () -> new CollaboratorId(id));
      var u = FieldUpdate.parse(v, "username", username, Username::new);
      var n = FieldUpdate.parse(v, "fullName", fullName, PersonName::new);
      var e = FieldUpdate.parse(v, "email", email, Email::optional);
      var p = FieldUpdate.parse(v, "phone", phone, Phone::new);
      var t = FieldUpdate.parse(v, "team", team, Team::parse);
      v.throwIfInvalid();
      return new Command(cid, expectedVersion, u, n, e, p, t);
    }
  }
}
