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
 * A one-line choice among a few options, shown as {@code < SALES >}: Left/Right or Space change
 * it, a letter jumps to the next option starting with it, Enter moves to the next field like a
 * text box does. Simpler to drive than a drop-down, and it never opens another window.
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

  public T value() {
    return options.get(index).value();
  }

  public String label() {
    return options.get(index).label();
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
        select(index + 1);
        return Result.HANDLED;
      case ArrowLeft:
        select(index - 1);
        return Result.HANDLED;
      case Enter:
        return Result.MOVE_FOCUS_NEXT;
      case Character:
        if (key.getCharacter() == ' ') {
          select(index + 1);
          return Result.HANDLED;
        }
        return jumpTo(key.getCharacter()) ? Result.HANDLED : Result.UNHANDLED;
      default:
        return super.handleKeyStroke(key);
    }
  }

  private boolean jumpTo(char letter) {
    String wanted = String.valueOf(letter).toLowerCase(Locale.ROOT);
    for (int step = 1; step <= options.size(); step++) {
      int i = (index + step) % options.size();
      if (options.get(i).label().toLowerCase(Locale.ROOT).startsWith(wanted)) {
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
