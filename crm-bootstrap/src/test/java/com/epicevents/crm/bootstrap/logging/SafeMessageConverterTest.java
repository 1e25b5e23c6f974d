package com.epicevents.crm.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SafeMessageConverterTest {
  private final Logger logger = new LoggerContext().getLogger("test");
  private final SafeMessageConverter converter = new SafeMessageConverter();

  private String convert(String pattern, Object... arguments) {
    return converter.convert(new LoggingEvent("fqcn", logger, Level.INFO, pattern, null, arguments));
  }

  @Test
  void aNewlineInANameCannotForgeASecondLogLine() {
    String line = convert("created collaborator {}", "Bob\n2025-06-01 10:00:00.000 INFO  Audit - admin granted\r");

    assertEquals("created collaborator Bob\\n2025-06-01 10:00:00.000 INFO  Audit - admin granted\\r", line);
    assertFalse(line.contains("\n") || line.contains("\r"));
  }

  @Test
  void terminalEscapeSequencesAndOtherControlCharactersAreShownLiterally() {
    assertEquals("name \\u001b[31mred\\u001b[0m \\u0000 \\u007f \\t end",
        convert("name {} end", "\u001b[31mred\u001b[0m \u0000 \u007f \t"));
  }

  @Test
  void unicodeLineBreaksAndBidiOverridesAreEscapedButOrdinaryUnicodeIsKept() {
    assertEquals("a\\u0085b\\u2028c\\u2029d \\u202egnp.exe Zoë 東京 🔐",
        SafeMessageConverter.escape("a\u0085b\u2028c\u2029d \u202egnp.exe Zoë 東京 🔐"));
    String plain = "nothing to escape here";
    assertSame(plain, SafeMessageConverter.escape(plain));
  }

  @Test
  void personalDataAndSecretsInTheMessageAreRedacted() {
    assertEquals("login failed for [scrubbed] with password=[scrubbed]",
        convert("login failed for {} with password={}", "jane.doe@example.com", "Hunter2-correct-horse"));
  }
}
