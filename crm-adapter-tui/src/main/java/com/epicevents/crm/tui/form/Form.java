package com.epicevents.crm.tui.form;

import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.widget.Choice;
import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
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
  private static final int LEAST_INPUT_WIDTH = 20;
  private static final int DATE_WIDTH = 18;

  private int columns;
  private final List<Label> labels = new ArrayList<>();
  private final List<Label> infoValues = new ArrayList<>();
  private final List<String> infoTexts = new ArrayList<>();
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
    return add(new TextField(key, label, required, initial, LEAST_INPUT_WIDTH));
  }

  public PasswordField password(String key, String label) {
    return add(new PasswordField(key, label));
  }

  /**
   * The terminal changed size: labels keep their column, inputs and messages share the rest
   * (the value typed stays as it is).
   */
  public void resize(int newColumns) {
    this.columns = newColumns;
    fit();
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

  /** Any number of options, ticked with Space; at most {@code rows} lines tall (then it scrolls). */
  public <T> ChecksField<T> checks(String key, String label, List<Choice.Option<T>> options, int rows) {
    return add(new ChecksField<>(key, label, true, options, rows));
  }

  /** A line that only informs (the client a contract is for, a signing date…). */
  public void info(String label, String value) {
    Label name = new Label(label);
    labels.add(name);
    grid.addComponent(name);
    Label shown = new Label("");
    shown.setLayoutData(GridLayout.createHorizontallyFilledLayoutData(2));
    infoValues.add(shown);
    infoTexts.add(Display.inline(value));
    grid.addComponent(shown);
    fit();
  }

  private boolean keepsChangesOnConflict;

  /** Whether, after a conflict, the form stays open with what was typed (an update form does). */
  public boolean keepsChangesOnConflict() {
    return keepsChangesOnConflict;
  }

  public void keepChangesOnConflict() {
    keepsChangesOnConflict = true;
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

  /**
   * Gives every column a fixed width from the terminal's, so nothing shifts as messages come and
   * go: the labels their longest, the inputs three fifths of the rest (leaving messages 30 columns), the messages what is left.
   * (Window borders 2, grid margins 2, two spaces between the three columns.)
   */
  private void fit() {
    int labelColumn = labels.stream().mapToInt(l -> l.getText().length()).max().orElse(10);
    int room = Math.max(LEAST_INPUT_WIDTH + 16, columns - 2 - 2 - 2 - labelColumn);
    int input = Math.max(LEAST_INPUT_WIDTH, Math.min(room * 3 / 5, room - 30));
    int message = Math.max(16, room - input);
    for (Label l : labels) {
      l.setPreferredSize(new TerminalSize(labelColumn, 1));
    }
    for (Field f : fields.values()) {
      f.resize(f instanceof DateField ? DATE_WIDTH : input);
      f.messageLabel().setLabelWidth(message);
      f.messageLabel().setText(f.messageLabel().getText());
    }
    for (int i = 0; i < infoValues.size(); i++) {
      infoValues.get(i).setLabelWidth(input + message);
      infoValues.get(i).setText(infoTexts.get(i));
    }
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
    Label label = new Label(field.label() + (field.required() ? " *" : ""));
    labels.add(label);
    grid.addComponent(label);
    grid.addComponent((Component) field.input());
    grid.addComponent(field.messageLabel());
    fit();
    if (field instanceof DateField d) {
      d.check();
    }
    return field;
  }
}
