package com.epicevents.crm.tui.form;

import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.TextBox;

/** A masked input; its value is handed over as characters and the box emptied. */
public final class PasswordField extends Field {
  private final TextBox box = new EditBox(28, null).setMask('*');

  public PasswordField(String key, String label) {
    super(key, label, true);
  }

  @Override
  public Interactable input() {
    return box;
  }

  @Override
  void resize(int width) {
    box.setPreferredSize(new com.googlecode.lanterna.TerminalSize(width, 1));
  }

  public char[] chars() {
    return box.getText().toCharArray();
  }

  public boolean isEmpty() {
    return box.getText().isEmpty();
  }

  public void clear() {
    box.setText("");
  }

  @Override
  public String summaryValue() {
    return "********";
  }

  @Override
  public boolean changed() {
    return !box.getText().isEmpty();
  }
}
