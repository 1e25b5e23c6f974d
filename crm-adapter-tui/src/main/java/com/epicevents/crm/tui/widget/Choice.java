package com.epicevents.crm.tui.widget;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line choice among options, shown as {@code < SALES >}: Left/Right or Space change it;
 * typing finds an option (type-ahead: "ta" picks the first option starting with "ta", else the
 * first containing it, so "Samuel Tana" among twenty names is two keys away; Backspace takes a
 * letter back; a letter matching nothing is ignored); Enter moves to the next field like a text box does. It never opens another window.
 */
public final class Choice<T> extends AbstractInteractableComponent<Choice<T>> {
  /** An option: its value and its text (shown through {@link Display#safe}). */
  public record Option<T>(T value, String label) {
    public Option {
      Objects.requireNonNull(label, "label");
    }
  }

  private final List<Option<T>> options;
  private int index;
  private String typed = "";
  private Runnable onChange = () -> {};

  public Choice(List<Option<T>> options, T initial) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one option");
    }
    this.options = List.copyOf(options);
    for (int i = 0; i < this.options.size(); i++) {
      if (Objects.equals(this.options.get(i).value(), initial)) {
        index = i;
      }
    }
  }

  /** Shows the option holding {@code value} (no change when none does). */
  public void select(T value) {
    for (int i = 0; i < options.size(); i++) {
      if (Objects.equals(options.get(i).value(), value)) {
        select(i);
        return;
      }
    }
  }

  public T value() {
    return options.get(index).value();
  }

  public String label() {
    return options.get(index).label();
  }

  /** What was typed to find the option (empty when the arrows were used last). */
  public String typed() {
    return typed;
  }

  public Choice<T> onChange(Runnable listener) {
    this.onChange = listener;
    return this;
  }

  @Override
  protected InteractableRenderer<Choice<T>> createDefaultRenderer() {
    return new InteractableRenderer<>() {
      @Override
      public TerminalPosition getCursorLocation(Choice<T> component) {
        return null;
      }

      @Override
      public TerminalSize getPreferredSize(Choice<T> component) {
        int widest = component.options.stream()
            .mapToInt(o -> TerminalTextUtils.getColumnWidth(Display.safe(o.label()))).max().orElse(1);
        return new TerminalSize(widest + 4, 1);
      }

      @Override
      public void drawComponent(TextGUIGraphics graphics, Choice<T> component) {
        ThemeDefinition theme = component.getThemeDefinition();
        graphics.applyThemeStyle(component.isFocused() ? theme.getActive() : theme.getNormal());
        graphics.fill(' ');
        graphics.putString(0, 0, "< " + Display.safe(component.label()));
        graphics.putString(graphics.getSize().getColumns() - 1, 0, ">");
      }
    };
  }

  @Override
  protected Result handleKeyStroke(KeyStroke key) {
    switch (key.getKeyType()) {
      case ArrowRight:
        typed = "";
        select(index + 1);
        return Result.HANDLED;
      case ArrowLeft:
        typed = "";
        select(index - 1);
        return Result.HANDLED;
      case Backspace:
        if (typed.isEmpty()) {
          return Result.HANDLED;
        }
        typed = typed.substring(0, typed.length() - 1);
        if (!typed.isEmpty()) {
          find(typed);
        }
        onChange.run();
        return Result.HANDLED;
      case Enter:
        typed = "";
        return Result.MOVE_FOCUS_NEXT;
      case Character:
        if (key.isCtrlDown() || key.isAltDown()) {
          return Result.UNHANDLED;
        }
        if (key.getCharacter() == ' ' && typed.isEmpty()) {
          select(index + 1);
          return Result.HANDLED;
        }
        String wanted = typed + key.getCharacter();
        if (find(wanted)) {
          typed = wanted;
        }
        // Else nothing matches: the choice stays (Backspace or ← → to start again).
        onChange.run();
        return Result.HANDLED;
      default:
        typed = "";
        return super.handleKeyStroke(key);
    }
  }

  /**
   * Selects the first option starting with {@code text} (any case), else the first containing it;
   * one letter alone goes to the next option starting with it, so pressing it again cycles.
   */
  private boolean find(String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    int from = wanted.length() == 1 ? index + 1 : 0;
    for (int step = 0; step < options.size(); step++) {
      int i = (from + step) % options.size();
      if (options.get(i).label().toLowerCase(Locale.ROOT).startsWith(wanted)) {
        select(i);
        return true;
      }
    }
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i).label().toLowerCase(Locale.ROOT).contains(wanted)) {
        select(i);
        return true;
      }
    }
    return false;
  }

  private void select(int newIndex) {
    int size = options.size();
    index = ((newIndex % size) + size) % size;
    invalidate();
    onChange.run();
  }
}
