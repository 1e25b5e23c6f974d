package com.epicevents.crm.tui.form;

import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.TextBox;

/**
 * A one-line text input. A stored value is shown escaped ({@link Display#safe}) and what is typed
 * is read back with {@link Display#unescape}, so an untouched field keeps the stored value exactly.
 */
public class TextField extends Field {
  private final TextBox box;
  private String shownAtStart;

  public TextField(String key, String label, boolean required, String initial, int width) {
    super(key, label, required);
    this.shownAtStart = Display.safe(initial);
    this.box = new EditBox(width, shownAtStart);
    // A message about the old value goes as soon as the value is changed.
    box.setTextChangeListener((text, byUser) -> {
      if (byUser && hasError()) {
        clearError();
      }
    });
  }

  /**
   * Someone else saved the record meanwhile: {@code current} is its value now. A field the user
   * did not touch shows it; a field the user changed keeps what was typed, now compared with it.
   */
  public void rebase(String current) {
    String shown = Display.safe(current);
    if (!changed()) {
      box.setText(shown);
    }
    shownAtStart = shown;
  }

  @Override
  public Interactable input() {
    return box;
  }

  @Override
  void resize(int width) {
    box.setPreferredSize(new com.googlecode.lanterna.TerminalSize(width, 1));
  }

  TextBox box() {
    return box;
  }

  /** What the field holds, unescaped; null when blank. */
  public String value() {
    String text = Display.unescape(box.getText());
    return text == null || text.isBlank() ? null : text;
  }

  @Override
  public String summaryValue() {
    String v = value();
    return v == null ? Display.NONE : v;
  }

  @Override
  public boolean changed() {
    return !box.getText().equals(shownAtStart);
  }
}
