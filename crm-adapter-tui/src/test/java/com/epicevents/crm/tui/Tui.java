package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.tui.setup.SetUp;
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
 * read back as the lines a user sees. The one test driver of the text UI: crm-bootstrap's tests
 * use it too (test-jar), first-launch screens included.
 */
public final class Tui {
  public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  final TestCrm crm;
  public final DefaultVirtualTerminal terminal;
  public final TextUi ui;

  /** The first-launch screens of a CRM that may not be set up yet, then the login screen. */
  public Tui(SetUp setUp, int columns, int rows) {
    this.crm = null;
    this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    this.ui = new TextUi(setUp, terminal, ZONE, java.time.Clock.system(ZONE));
    ui.open();
  }

  /** The staff UI over any core (a real database in crm-bootstrap's tests). */
  public Tui(UseCases useCases, com.epicevents.crm.application.port.out.ErrorReporter reporter, String databaseLabel,
      int columns, int rows) {
    this.crm = null;
    this.terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
    this.ui = new TextUi(useCases, reporter, terminal, ZONE, databaseLabel, java.time.Clock.system(ZONE));
    ui.open();
  }

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
  public Tui type(String text) {
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

  public Tui press(KeyType... keys) {
    for (KeyType k : keys) {
      key(new KeyStroke(k));
    }
    return this;
  }

  public Tui enter() {
    return press(KeyType.Enter);
  }

  public Tui tab() {
    return press(KeyType.Tab);
  }

  public Tui esc() {
    return press(KeyType.Escape);
  }

  public Tui save() {
    return press(KeyType.F10);
  }

  /** Ctrl+U: empties the text field that has the cursor. */
  public Tui clearField() {
    return key(new KeyStroke('u', true, false));
  }

  public Tui key(KeyStroke key) {
    terminal.addInput(key);
    ui.processInput();
    return this;
  }

  /** Resizes the terminal, as a user dragging the window would, and lets the UI redraw. */
  public Tui resize(int columns, int rows) {
    terminal.setTerminalSize(new TerminalSize(columns, rows));
    ui.processInput();
    ui.processInput();
    return this;
  }

  /** Empties the field that has the cursor, types the value, and goes to the next field. */
  public Tui replace(String value) {
    return clearField().type(value + "\n");
  }

  /** Logs in with the seeded password. */
  public Tui logIn(String username) {
    return type(username + "\n" + TestCrm.PASSWORD + "\n");
  }

  public List<String> lines() {
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

  public String screen() {
    return String.join("\n", lines());
  }

  public boolean shows(String text) {
    return screen().contains(text);
  }

  /** The first line showing {@code text}. */
  public String lineWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).findFirst()
        .orElseGet(() -> fail("no line shows \"" + text + "\" on:\n" + screen()));
  }

  public Tui assertShows(String... texts) {
    String screen = screen();
    for (String text : texts) {
      assertTrue(screen.contains(text), () -> "expected \"" + text + "\" on:\n" + screen);
    }
    return this;
  }

  /** The text is on the status line above the keys — said without a dialog to dismiss. */
  public Tui assertNotice(String text) {
    List<String> lines = lines();
    String notice = lines.get(lines.size() - 3) + lines.get(lines.size() - 4);
    assertTrue(notice.contains(text), () -> "expected \"" + text + "\" above the keys on:\n" + screen());
    return assertHides("Saved", "< OK >", "<  OK  >");
  }

  public Tui assertHides(String... texts) {
    String screen = screen();
    for (String text : texts) {
      assertFalse(screen.contains(text), () -> "did not expect \"" + text + "\" on:\n" + screen);
    }
    return this;
  }
}
