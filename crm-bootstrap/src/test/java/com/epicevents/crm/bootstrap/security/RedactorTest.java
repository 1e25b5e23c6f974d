package com.epicevents.crm.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "client jane.doe@example.com exists            | client [scrubbed] exists",
      "mail: Zoë.Ünïcode+crm@exämple.co.uk.          | mail: [scrubbed].",
      "call +33 6 12 34 56 78 now                     | call [scrubbed] now",
      "call 0612345678                                | call [scrubbed]",
      "call (555) 123-4567                            | call [scrubbed]",
      "call 555.123.4567, thanks                      | call [scrubbed], thanks",
  })
  void emailAddressesAndPhoneNumbersAreScrubbed(String input, String expected) {
    assertEquals(expected.strip(), Redactor.redact(input.strip()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "login failed password=Hunter2-correct-horse for bob   | login failed password=[scrubbed] for bob",
      "newPassword: hunter2hunter2                           | newPassword: [scrubbed]",
      "{\"password\":\"hun\\\"ter2\",\"name\":\"Bob\"}        | {\"password\":\"[scrubbed]\",\"name\":\"Bob\"}",
      "{'client_secret': 'abc def'}                         | {'client_secret': '[scrubbed]'}",
      "Authorization: Basic dXNlcjpwYXNz                      | Authorization: [scrubbed]",
      "url=/api?access_token=abc123&page=2                  | url=/api?access_token=[scrubbed]&page=2",
      "API_KEY = xyz                                         | API_KEY = [scrubbed]",
      "truncated {\"password\":\"hunter2hunt                 | truncated {\"password\":\"[scrubbed]\"",
  })
  void secretKeyValuePairsKeepTheirKeyAndLoseTheirValue(String input, String expected) {
    assertEquals(expected.strip(), Redactor.redact(input.strip()));
  }

  @Test
  void bearerTokensArgon2HashesAndLongRandomTokensAreScrubbed() {
    assertEquals("sent Bearer [scrubbed] to api", Redactor.redact("sent Bearer eyJhbGci.OiJIUzI1NiJ9.x-y_z to api"));
    assertEquals("stored [scrubbed] here", Redactor.redact(
        "stored $argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc here"));
    assertEquals("session [scrubbed] expired",
        Redactor.redact("session 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 expired"));
    assertEquals("token [scrubbed]", Redactor.redact("token Xq3v_Zk9-pLr2TnW8yBc4DfGh6JsMa1QeRtUiOp7-As"));
    assertEquals("key [scrubbed]", Redactor.redact("key QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo+a=="));
  }

  @Test
  void apiKeysAndWebhookSecretsAreScrubbedWhereverTheyAppear() {
    String key = "crm_Q7ZkP2xa_l7dtV0X5m8vFGY5HOkYiyT0kyY0N6rpgpoR4ixno7bY";
    assertEquals("sent Bearer [scrubbed] to api", Redactor.redact("sent Bearer " + key + " to api"));
    assertEquals("key [scrubbed] refused", Redactor.redact("key " + key + " refused"));
    assertEquals("secret [scrubbed] rotated",
        Redactor.redact("secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw rotated"));
  }

  @Test
  void ordinaryDiagnosticTextIsKept() {
    String[] kept = {
        "violates check constraint contract_amount_due_not_above_total_check",
        "event on 2025-06-01T14:30:00Z for client 42",
        "started at 2025-06-01 14:30:00.123+02:00",
        "Connection to 127.0.0.1:5432 refused",
        "Sentry SDK 8.63.0, error id 3fa9c1d2",
        "java.lang.IllegalStateException: contract 17 is not signed",
    };
    for (String text : kept) {
      assertEquals(text, Redactor.redact(text));
    }
    assertNull(Redactor.redact(null));
  }

  @Test
  void hostileLongInputIsRedactedInLinearTime() {
    String[] hostile = {
        "a".repeat(200_000),
        "password".repeat(25_000),
        "1 ".repeat(50_000) + "2".repeat(100_000) + "x",
        "\"password\":\"" + "x".repeat(200_000),
    };
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (String text : hostile) {
        Redactor.redact(text);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"password", "newPassword", "access_token", "Authorization", "api-key", "client_secret", "passwordHash"})
  void keysNamingSecretsAreRecognised(String key) {
    assertTrue(Redactor.isSecretKey(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"useCase", "actorId", "clientId", "errorId", "message"})
  void ordinaryKeysAreNotSecret(String key) {
    assertFalse(Redactor.isSecretKey(key));
  }
}
