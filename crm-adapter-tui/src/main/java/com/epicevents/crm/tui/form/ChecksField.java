package com.epicevents.crm.tui.form;

import com.epicevents.crm.tui.widget.Choice;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.CheckBoxList;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A field whose value is any number of options (the scopes of an API key), one per line:
 * Space ticks or unticks the highlighted one; Enter moves to the next field as in a text box.
 * When the options do not fit {@code rows} lines, the list scrolls.
 */
public final class ChecksField<T> extends Field {
  private static final String HINT = "Space: tick or untick; Enter: next field";
  private final List<Choice.Option<T>> options;
  private final Boxes boxes;

  public ChecksField(String key, String label, boolean required, List<Choice.Option<T>> options, int rows) {
    super(key, label, required);
    this.options = List.copyOf(options);
    this.boxes = new Boxes(new TerminalSize(20, Math.max(1, Math.min(rows, options.size()))));
    for (Choice.Option<T> option : this.options) {
      boxes.addItem(Display.safe(option.label()));
    }
    boxes.addListener((index, checked) -> clearError());
    hint(HINT);
  }

  @Override
  public Interactable input() {
    return boxes;
  }

  @Override
  void resize(int width) {
    boxes.setPreferredSize(new TerminalSize(width, boxes.getPreferredSize().getRows()));
  }

  /** The values ticked, in the order of the options. */
  public Set<T> values() {
    Set<T> ticked = new LinkedHashSet<>();
    for (int i = 0; i < options.size(); i++) {
      if (Boolean.TRUE.equals(boxes.isChecked(i))) {
        ticked.add(options.get(i).value());
      }
    }
    return ticked;
  }

  @Override
  public String summaryValue() {
    List<String> ticked = options.stream().filter(o -> values().contains(o.value()))
        .map(Choice.Option::label).collect(Collectors.toList());
    return ticked.isEmpty() ? Display.NONE : String.join(", ", ticked);
  }

  /** Nothing is ticked when the form opens. */
  @Override
  public boolean changed() {
    return !values().isEmpty();
  }

  /** The hint comes back once a message about the field is cleared. */
  @Override
  public void clearError() {
    hint(HINT);
  }

  /** Lanterna's check-box list, with Enter moving on instead of ticking (Space ticks). */
  private static final class Boxes extends CheckBoxList<String> {
    Boxes(TerminalSize size) {
      super(size);
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
      if (key.getKeyType() == KeyType.Enter) {
        return Result.MOVE_FOCUS_NEXT;
      }
      return super.handleKeyStroke(key);
    }
  }
}
