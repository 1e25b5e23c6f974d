package com.epicevents.crm.bootstrap.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.epicevents.crm.bootstrap.config.ConfigOverrides;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.CrmConfigLoader;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A virtual terminal driven as a person would: one key at a time, each handed to whichever UI is
 * on it (the wizard, then the staff UI), and the screen read back as the lines a person sees.
 */
final class VirtualScreen {
  final DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 34));
  private BooleanSupplier processInput = () -> false;

  /** The configuration of a CRM home as {@code crm --home HOME} reads it, with no CRM_* variables. */
  static Supplier<CrmConfig> configOf(Path home) {
    return () -> CrmConfigLoader.load(new ConfigOverrides(home, null, null, null), Map.of(), home);
  }

  /** From now on keys go to this UI. */
  VirtualScreen driving(BooleanSupplier processInput) {
    this.processInput = processInput;
    return this;
  }

  /** Types text; '\n' is Enter, '\t' Tab, U+001B Esc. */
  VirtualScreen type(String text) {
    for (char c : text.toCharArray()) {
      key(c == '\n' ? new KeyStroke(KeyType.Enter)
          : c == '\t' ? new KeyStroke(KeyType.Tab)
          : c == '\u001b' ? new KeyStroke(KeyType.Escape)
          : new KeyStroke(c, false, false));
    }
    return this;
  }

  VirtualScreen press(KeyType... keys) {
    for (KeyType k : keys) {
      key(new KeyStroke(k));
    }
    return this;
  }

  /** Ctrl+U: empties the field that has the cursor. */
  VirtualScreen clearField() {
    return key(new KeyStroke('u', true, false));
  }

  /** Empties the field that has the cursor, types the value, and goes to the next field. */
  VirtualScreen replace(String value) {
    return clearField().type(value + "\n");
  }

  VirtualScreen key(KeyStroke key) {
    terminal.addInput(key);
    processInput.getAsBoolean();
    return this;
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

  String text() {
    return String.join("\n", lines());
  }

  /** The first line showing {@code text}. */
  String lineWith(String text) {
    return lines().stream().filter(l -> l.contains(text)).findFirst()
        .orElseGet(() -> fail("no line shows \"" + text + "\" on:\n" + text()));
  }

  VirtualScreen assertShows(String... texts) {
    String screen = text();
    for (String t : texts) {
      assertTrue(screen.contains(t), () -> "expected \"" + t + "\" on:\n" + screen);
    }
    return this;
  }

  VirtualScreen assertHides(String... texts) {
    String screen = text();
    for (String t : texts) {
      assertFalse(screen.contains(t), () -> "did not expect \"" + t + "\" on:\n" + screen);
    }
    return this;
  }
}
