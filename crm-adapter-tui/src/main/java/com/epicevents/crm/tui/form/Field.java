package com.epicevents.crm.tui.form;

import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;

/** One labelled line of a form: its input, and the message shown next to it. */
public abstract class Field {
  private final String key;
  private final String label;
  private final boolean required;
  private final Label message = Dialogs.errorLabel("");
  private boolean hasError;

  protected Field(String key, String label, boolean required) {
    this.key = key;
    this.label = label;
    this.required = required;
  }

  /** The name the core uses for this field in its validation errors. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public boolean required() {
    return required;
  }

  public abstract Interactable input();

  /** Gives the input this many columns (choices keep the width of their widest option). */
  void resize(int width) {}

  /** The value as the confirmation summary shows it (raw: the summary escapes it). */
  public abstract String summaryValue();

  /** Whether the user changed the value shown when the form opened. */
  public abstract boolean changed();

  Label messageLabel() {
    return message;
  }

  public boolean hasError() {
    return hasError;
  }

  public String message() {
    return message.getText();
  }

  /** Shows an error next to the field. */
  public void error(String text) {
    hasError = true;
    message.setForegroundColor(TextColor.ANSI.RED_BRIGHT);
    message.setText(Display.safe(text));
  }

  /** Shows a neutral hint next to the field (no error). */
  protected void hint(String text) {
    hasError = false;
    message.setForegroundColor(TextColor.ANSI.DEFAULT);
    message.setText(Display.safe(text));
  }

  public void clearError() {
    hasError = false;
    message.setText("");
  }
}
