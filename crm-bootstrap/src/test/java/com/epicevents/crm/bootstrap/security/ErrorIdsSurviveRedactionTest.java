package com.epicevents.crm.bootstrap.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.ErrorIds;
import com.epicevents.crm.application.port.out.ErrorReporter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user quoting an errorId must find it in the log: redaction never touches one. */
class ErrorIdsSurviveRedactionTest {

  @Test
  void tenThousandErrorIdsPassThroughTheLogRedactionUnchanged() {
    Random random = new Random(14);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ErrorIds.next(random);
      assertTrue(id.matches("err-[a-z]{10}"), id);
      String line = "unexpected error " + id + " in CreateClient";
      assertEquals(line, Redactor.redact(line));
      seen.add(id);
    }
    assertEquals(10_000, seen.size(), "ids do not repeat in ten thousand draws");
  }

  @Test
  void theReporterWithoutMonitoringHandsOutTheSameKindOfId() {
    String id = ErrorReporter.NONE.reportUnexpected(new IllegalStateException("boom"), "LogIn", null);
    assertTrue(id.matches("err-[a-z]{10}"), id);
  }

  @Test
  void anIdMadeOfDigitsOnlyWouldHaveBeenRedactedAsAPhoneNumber() {
    // Why ids carry letters: the former 8 hex digits were all digits about 2 % of the time.
    assertNotEquals("unexpected error 12345678", Redactor.redact("unexpected error 12345678"));
  }
}
