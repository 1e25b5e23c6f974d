package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.UseCases;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The text UI on a virtual terminal, driven as a user would: keys typed one at a time, the screen
 * read back as the lines a user sees.
 */
final class Tui {
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  final TestCrm crm;
  final DefaultVirtualTerminal terminal;
  final TextUi ui;

  Tui(TestCrm crm) {
    this(crm, crm.useCases, 100, 34);
  }

  Tui(TestCrm crm, UseCases useCases, int columns, int rows) {
    this.crm = crm;
    this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    this.ui = new TextUi(useCases, crm.reporter, terminal, ZONE, "test database", crm.clock);
    ui.open();
  }

  /** Types text; '\n' is Enter and '\t' is Tab. */
  Tui type(String text) {
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        key(new KeyStroke(KeyType.Enter));
      } else if (c == '\t') {
        key(new KeyStroke(KeyType.Tab));
      } else {
        key(new KeyStroke(c, false, false));
      }
    }
    return this;
  }

  Tui press(KeyType... keys) {
    for (KeyType k : keys) {
      key(new KeyStroke(k));
    }
    return this;
  }

  Tui enter() {
    return press(KeyType.Enter);
  }

  Tui tab() {
    return press(KeyType.Tab);
  }

  Tui esc() {
    return press(KeyType.Escape);
  }

  Tui save() {
    return press(KeyType.F10);
  }

  /** Ctrl+U: empties the text field that has the cursor. */
  Tui clearField() {
    return key(new KeyStroke('u', true, false));
  }

  Tui key(KeyStroke key) {
    terminal.addInput(key);
    ui.processInput();
    return this;
  }

  /** Resizes the terminal, as a user dragging the window would, and lets the UI redraw. */
  Tui resize(int columns, int rows) {
    terminal.setTerminalSize(new TerminalSize(columns, rows));
    ui.processInput();
    ui.processInput();
    return this;
  }

  /** Logs in with the seeded password. */
  Tui logIn(String username) {
    return type(username + "\n" + TestCrm.PASSWORD + "\n");
  }

  List<String> lines() {
    TerminalSize size = terminal.getTerminalSize();
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < size.getRows(); row++) {
      StringBuilder line = new StringBuilder();
      for (int column = 0; column < size.getColumns(); column++) {
        TextCharacter c = terminal.getCharacter(column, row);
        line.append(c == null ? " " : c.getCharacterString());
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  String screen() {
    return String.join("\n", lines());
  }

  boolean shows(String text) {
    return screen().contains(text);
  }

  /** The first line showing {@code text}. */
  String lineWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).findFirst()
        .orElseGet(() -> fail("no line shows \"" + text + "\" on:\n" + screen()));
  }

  Tui assertShows(String... texts) {
    String screen = screen();
    for (String text : texts) {
      assertTrue(screen.contains(text), () -> "expected \"" + text + "\" on:\n" + screen);
    }
    return this;
  }

  /** The text is on the status line above the keys — said without a dialog to dismiss. */
  Tui assertNotice(String text) {
    List<String> lines = lines();
    String notice = lines.get(lines.size() - 3) + lines.get(lines.size() - 4);
    assertTrue(notice.contains(text), () -> "expected \"" + text + "\" above the keys on:\n" + screen());
    return assertHides("Saved", "< OK >", "<  OK  >");
  }

  Tui assertHides(String... texts) {
    String screen = screen();
    for (String text : texts) {
      assertFalse(screen.contains(text), () -> "did not expect \"" + text + "\" on:\n" + screen);
    }
    return this;
  }
}
