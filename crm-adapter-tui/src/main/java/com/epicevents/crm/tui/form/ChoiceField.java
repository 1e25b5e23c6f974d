package com.epicevents.crm.tui.form;

import com.epicevents.crm.tui.widget.Choice;
import com.googlecode.lanterna.gui2.Interactable;
import java.util.List;
import java.util.Objects;

/** A field whose value is picked among options (team, salesperson, support member, yes/no). */
public final class ChoiceField<T> extends Field {
  private final Choice<T> choice;
  private T initial;

  public ChoiceField(String key, String label, boolean required, List<Choice.Option<T>> options, T initial) {
    super(key, label, required);
    this.choice = new Choice<>(options, initial);
    this.initial = choice.value();
    choice.onChange(() -> {
      if (choice.typed().isEmpty()) {
        hint(options.size() > 3 ? "type to find, ← → to browse" : "");
      } else {
        hint("find: " + choice.typed());
      }
    });
    if (options.size() > 3) {
      hint("type to find, ← → to browse");
    }
  }

  @Override
  public Interactable input() {
    return choice;
  }

  /** {@link TextField#rebase} for a choice. */
  public void rebase(T current) {
    if (!changed()) {
      choice.select(current);
    }
    initial = current;
  }

  public T value() {
    return choice.value();
  }

  @Override
  public String summaryValue() {
    return choice.label();
  }

  @Override
  public boolean changed() {
    return !Objects.equals(initial, choice.value());
  }
}
