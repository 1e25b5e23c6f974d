package com.epicevents.crm.bootstrap.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.bootstrap.cli.CliEnvironment;
import com.epicevents.crm.bootstrap.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm} with no subcommand, run in-process where there is no terminal (as for a script). */
class TextUiCommandTest {
  @TempDir Path home;
  @TempDir Path userHome;

  @Test
  void withoutATerminalTheTextUiSaysItNeedsOneSuggestsCrmServeAndTouchesNothing() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment noTerminal = new CliEnvironment(Map.of("CRM_HOME", home.toString()), userHome,
        new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true), null);

    int status = Main.run(noTerminal);

    assertEquals(1, status);
    assertEquals("crm: the text UI needs a terminal; for other programs use 'crm serve' (the HTTP API)"
        + System.lineSeparator(), err.toString());
    assertEquals("", out.toString());
    try (Stream<Path> files = Files.list(home)) {
      assertEquals(List.of(), files.toList(), "no crm.conf, no log, no database");
    }
  }
}
