package com.epicevents.crm.tui.form;

import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.widget.Choice;
import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One labelled field per line, required ones marked with {@code *}, the message about a field
 * shown on its line, and a line above the fields for errors that concern no single field.
 */
public final class Form {
  private final ZoneId zone;
  private final Clock clock;
  private static final int INPUT_WIDTH = 28;

  private final int columns;
  private final Panel root = new Panel(new LinearLayout(Direction.VERTICAL));
  private final Panel grid = new Panel(new GridLayout(3).setHorizontalSpacing(1));
  private final Label general = Dialogs.errorLabel("");
  private final Map<String, Field> fields = new LinkedHashMap<>();

  /**
   * @param columns the terminal's width: a message beside a field wraps within what is left
   */
  public Form(ZoneId zone, Clock clock, int columns) {
    this.zone = zone;
    this.clock = clock;
    this.columns = columns;
    root.addComponent(new Label("Fields marked * are required."));
    root.addComponent(general);
    root.addComponent(grid);
  }

  public ZoneId zone() {
    return zone;
  }

  public Component component() {
    return root;
  }

  public TextField text(String key, String label, boolean required, String initial) {
    return add(new TextField(key, label, required, initial, INPUT_WIDTH));
  }

  public PasswordField password(String key, String label) {
    return add(new PasswordField(key, label));
  }

  /** A date field; the form says once, above the fields, which format and zone dates use. */
  public DateField date(String key, String label, boolean required, Instant initial, DateField.Bound bound) {
    if (fields.values().stream().noneMatch(f -> f instanceof DateField)) {
      root.addComponent(1, new Label("Dates: " + DateInput.FORMAT + ", " + zone.getId() + " time."));
    }
    DateField field = new DateField(key, label, required, initial, zone, clock, bound);
    return add(field);
  }

  public <T> ChoiceField<T> choice(String key, String label, List<Choice.Option<T>> options, T initial) {
    return add(new ChoiceField<>(key, label, true, options, initial));
  }

  /** A line that only informs (the client a contract is for, a signing date…). */
  public void info(String label, String value) {
    grid.addComponent(new Label(label));
    grid.addComponent(new Label(Display.safe(value)));
    grid.addComponent(new EmptySpace());
  }

  public Field field(String key) {
    return fields.get(key);
  }

  public List<Field> fields() {
    return List.copyOf(fields.values());
  }

  public Interactable firstInput() {
    return fields.isEmpty() ? null : fields.values().iterator().next().input();
  }

  /** Clears every message, then shows each error next to its field (or above the fields). */
  public void showErrors(List<FieldError> errors) {
    clearErrors();
    List<String> unplaced = new ArrayList<>();
    for (FieldError e : errors) {
      Field f = fields.get(e.field());
      if (f != null && !f.hasError()) {
        f.error(e.message());
      } else if (f == null) {
        unplaced.add(labelFor(e.field()) + ": " + e.message());
      }
    }
    general.setText(Display.safe(String.join("; ", unplaced)));
  }

  /** An error about the record as a whole, shown above the fields. */
  public void showGeneralError(String message) {
    general.setText(Display.safe(message));
  }

  public void clearErrors() {
    general.setText("");
    for (Field f : fields.values()) {
      if (f instanceof DateField d) {
        d.check();
      } else {
        f.clearError();
      }
    }
  }

  /** The first field showing an error, to move the cursor there. */
  public Interactable firstInvalid() {
    return fields.values().stream().filter(Field::hasError).map(Field::input).findFirst().orElse(null);
  }

  /** "Label: value" for every field, for the confirmation before saving. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    for (Field f : fields.values()) {
      lines.add(f.label() + ": " + f.summaryValue());
    }
    return lines;
  }

  /** "Label: value" for the changed fields only, for the confirmation of an update. */
  public List<String> changesSummary() {
    List<String> lines = new ArrayList<>();
    for (Field f : fields.values()) {
      if (f.changed()) {
        lines.add(f.label() + ": " + f.summaryValue());
      }
    }
    return lines;
  }

  /** Window borders, grid margins and spacing, the label column and the input column leave this much. */
  private void fitMessages() {
    int labelColumn = fields.values().stream().mapToInt(f -> f.label().length() + 2).max().orElse(10);
    int width = Math.max(16, columns - 2 - 2 - labelColumn - 1 - INPUT_WIDTH - 1);
    fields.values().forEach(f -> f.messageLabel().setLabelWidth(width));
  }

  private String labelFor(String key) {
    return switch (key) {
      case "details" -> "Event details";
      case "id" -> "Record";
      default -> key;
    };
  }

  private <F extends Field> F add(F field) {
    fields.put(field.key(), field);
    grid.addComponent(new Label(field.label() + (field.required() ? " *" : "")));
    grid.addComponent((Component) field.input());
    grid.addComponent(field.messageLabel());
    fitMessages();
    if (field instanceof DateField d) {
      d.check();
    }
    return field;
  }
}
