package com.epicevents.crm.tui.form;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * A one-line text box for forms: the cursor lands at the end of what the field holds, ready to
 * add or erase, and Ctrl+U empties the field.
 */
public final class EditBox extends TextBox {
  public EditBox(int width, String initial) {
    super(new TerminalSize(width, 1), initial == null ? "" : initial);
    setCaretPosition(0);
  }

  @Override
  protected void afterEnterFocus(FocusChangeDirection direction, Interactable previouslyInFocus) {
    super.afterEnterFocus(direction, previouslyInFocus);
    setCaretPosition(getText().length());
  }

  private TextChangeListener listener;

  @Override
  public synchronized TextBox setTextChangeListener(TextChangeListener textChangeListener) {
    this.listener = textChangeListener;
    return super.setTextChangeListener(textChangeListener);
  }

  /** Out of focus, a long value shows its beginning rather than its end. */
  @Override
  protected void afterLeaveFocus(FocusChangeDirection direction, Interactable nextInFocus) {
    super.afterLeaveFocus(direction, nextInFocus);
    setCaretPosition(0);
  }

  @Override
  public synchronized Result handleKeyStroke(KeyStroke key) {
    if (key.getKeyType() == KeyType.Character && key.isCtrlDown() && Character.toLowerCase(key.getCharacter()) == 'u') {
      setText("");
      if (listener != null) {
        listener.onTextChanged("", true);
      }
      return Result.HANDLED;
    }
    if (key.getKeyType() == KeyType.Character && (key.isCtrlDown() || key.isAltDown())) {
      // Never typed as a letter: Ctrl+A must not insert an "a".
      return Result.UNHANDLED;
    }
    return super.handleKeyStroke(key);
  }
}
