package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.collaborator.PasswordPolicy;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.List;

/**
 * The password rules the use cases apply on save (length, not a common one, not containing the
 * username), for an adapter to ask before it asks the user to confirm. The use cases still check.
 */
public final class PasswordRules {
  private PasswordRules() {}

  /**
   * What is wrong with {@code password} as {@code field}, or nothing. {@code username} may be null
   * or not a valid username yet (then the containment rule is left to the save).
   */
  public static List<FieldError> problems(String field, char[] password, String username) {
    Username user;
    try {
      user = username == null || username.isBlank() ? null : new Username(username);
    } catch (ValidationFailed notAUsernameYet) {
      user = null;
    }
    try {
      PasswordPolicy.check(field, password, user);
      return List.of();
    } catch (ValidationFailed e) {
      return e.errors();
    }
  }
}
