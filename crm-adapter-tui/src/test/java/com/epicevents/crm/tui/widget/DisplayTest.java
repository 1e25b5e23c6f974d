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
  void ordinaryTextAndAccentsAreLeftAlone() {
    String text = "Zoë Müller — 東京 (50% off) #1";
    assertEquals(text, Display.safe(text));
  }

  @Test
  void anEmojiBeyondWhatTheTerminalLibraryCanDrawIsShownAsItsCodeAndReadBack() {
    assertEquals("Zoë 株式会社 \\u{1F389} end", Display.safe("Zoë 株式会社 🎉 end"));
    assertEquals("Zoë 株式会社 🎉 end", Display.unescape(Display.safe("Zoë 株式会社 🎉 end")));
  }

  @Test
  void lineBreaksBecomeCommasInACellAndLinesInADetailWhileControlsStayEscaped() {
    assertEquals("Tom Petit, +33 7 28 12 63 37", Display.inline("Tom Petit\n+33 7 28 12 63 37"));
    assertEquals(java.util.List.of("Tom Petit", "+33 \\e[2J"), Display.lines("Tom Petit\r\n+33 \u001b[2J"));
    assertEquals("株式… ", Display.fit("株式会社", 6));
    assertEquals(6, Display.columns(Display.fit("株式会社 end", 6)));
    assertEquals("ab    ", Display.fit("ab", 6));
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
