package com.epicevents.crm.tui.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayTest {
  @Test
  void anEscapeSequenceIsShownAsTextNotSentToTheTerminal() {
    assertEquals("\\e[2J\\e]0;pwned\\x07", Display.safe("\u001b[2J\u001b]0;pwned\u0007"));
  }

  @Test
  void newlinesTabsAndCarriageReturnsAreShownEscaped() {
    assertEquals("a\\nb\\tc\\rd", Display.safe("a\nb\tc\rd"));
  }

  @Test
  void c1ControlsDeleteAndBidirectionalOverridesAreShownAsCodes() {
    assertEquals("\\x9B31m \\x7F \\u{202E}abc \\u{2028}", Display.safe("\u009b31m \u007f \u202eabc \u2028"));
  }

  @Test
  void ordinaryTextAccentsAndEmojiAreLeftAlone() {
    String text = "Zoë Müller — 東京 🎉 (50% off) #1";
    assertEquals(text, Display.safe(text));
  }

  @Test
  void aBackslashIsDoubledSoTheEscapingCanBeUndone() {
    assertEquals("C:\\\\temp\\\\e", Display.safe("C:\\temp\\e"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "C:\\new\\table", "\u001b[31mred\u001b[0m", "line\nline", "\u0000\u0001\u009b\u202e",
      "\\x41 is not A", "tab\there", "🎉\u200d🎉", "\\u{202E}"})
  void unescapeGivesBackExactlyWhatWasStored(String stored) {
    assertEquals(stored, Display.unescape(Display.safe(stored)));
  }

  @Test
  void anUnknownOrIncompleteEscapeTypedByAUserIsKeptAsTyped() {
    assertEquals("a\\qb \\x4 \\u{zz} \\", Display.unescape("a\\qb \\x4 \\u{zz} \\"));
  }

  @Test
  void nullIsShownAsNothingAndBlankOptionalValuesAsADash() {
    assertEquals("", Display.safe(null));
    assertEquals(Display.NONE, Display.safeOrNone("  "));
  }

  @Test
  void aCellIsCutWithAnEllipsisAfterEscaping() {
    assertEquals("ab\\e…", Display.cell("ab\u001bcdef", 5));
    assertEquals("short", Display.cell("short", 10));
  }

  @Test
  void everyEscapedResultIsFreeOfControlCharacters() {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c < 0x3000; c++) {
      all.appendCodePoint(c);
    }
    String shown = Display.safe(all.toString());
    assertTrue(shown.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT), "a control or format character got through");
  }

  @Test
  void datesAreShownInTheUsersZoneAndMoneyWithTwoDecimals() {
    assertEquals("2027-03-01 18:30", Display.dateTime(Instant.parse("2027-03-01T17:30:00Z"), ZoneId.of("Europe/Paris")));
    assertEquals("12,000.50", Display.money(new BigDecimal("12000.5")));
  }

  @Test
  void coreMessagesBecomeSentences() {
    assertEquals("Not allowed: you may not.", Display.sentence("not allowed: you may not"));
  }
}
