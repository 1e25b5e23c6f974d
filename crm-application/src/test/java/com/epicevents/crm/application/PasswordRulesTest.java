package com.epicevents.crm.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.PasswordRules;
import com.epicevents.crm.domain.error.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {
  @Test
  void answersWithTheSameReasonsTheUseCasesGiveOnSave() {
    assertEquals(List.of(new FieldError("password", "must be at least 12 characters")),
        PasswordRules.problems("password", "short".toCharArray(), "suzy"));
    assertEquals(List.of(new FieldError("newPassword", "must not contain the username")),
        PasswordRules.problems("newPassword", "suzy-is-my-password-1".toCharArray(), "suzy"));
    assertEquals("is too common: it appears in lists of leaked passwords",
        PasswordRules.problems("password", "passwordpassword".toCharArray(), null).get(0).message());
  }

  @Test
  void aGoodPasswordHasNoProblemEvenBeforeTheUsernameIsValid() {
    assertTrue(PasswordRules.problems("password", "Correct-horse-battery-42".toCharArray(), "not valid!").isEmpty());
  }
}
