package com.epicevents.crm.tui.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateInputTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void aDateIsReadInTheUsersZone() {
    assertEquals(Instant.parse("2027-07-14T20:00:00Z"), DateInput.read("2027-07-14 22:00", PARIS).instant());
    assertEquals(Instant.parse("2027-01-14T21:00:00Z"), DateInput.read(" 2027-01-14 22:00 ", PARIS).instant());
  }

  @Test
  void anImpossibleDateIsRefusedRatherThanMovedToTheNextMonth() {
    assertEquals("is not a real date and time", DateInput.read("2027-02-30 10:00", PARIS).problem());
    assertEquals("is not a real date and time", DateInput.read("2027-01-10 24:00", PARIS).problem());
  }

  @Test
  void anythingButTheOneFormatIsRefusedWithTheFormat() {
    assertEquals("format: YYYY-MM-DD HH:MM", DateInput.read("14/07/2027 22:00", PARIS).problem());
    assertEquals("format: YYYY-MM-DD HH:MM", DateInput.read("2027-07-14", PARIS).problem());
  }

  @Test
  void aBlankFieldMeansNoDateAndNoProblem() {
    assertNull(DateInput.read("  ", PARIS).instant());
    assertNull(DateInput.read("  ", PARIS).problem());
  }

  @Test
  void aUnderstoodDateIsSpelledOutForTheUserToCheck() {
    assertEquals("Wed 14 Jul 2027 22:00", DateInput.spelled(Instant.parse("2027-07-14T20:00:00Z"), PARIS));
  }
}
