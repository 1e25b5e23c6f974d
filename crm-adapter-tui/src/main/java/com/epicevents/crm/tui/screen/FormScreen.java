package com.epicevents.crm.tui.screen;

import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.tui.form.DateField;
import com.epicevents.crm.tui.form.Field;
import com.epicevents.crm.tui.form.TextField;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A create or update form. Saving checks every field at once (the core's validation, plus what
 * only the screen knows: dates, a repeated password, whole numbers), shows each message next to
 * its field, then shows a summary to confirm — as the reference CLI did — and only then calls the
 * core (asking for the password again first when the session needs it).
 */
abstract class FormScreen<R> extends FormLayout {
  private final String useCase;

  protected FormScreen(App app, String title, String useCase) {
    super(app, title);
    this.useCase = useCase;
  }

  /** Lays the form out; call once the fields are added. */
  protected void build(String intro) {
    build(intro, "Save (F10)", "Cancel (Esc)",
        "Enter/Tab: next field  F10: review and save  Ctrl+U: empty field  Esc: cancel");
    helpLine("F10", "check the fields, review them and save");
    helpLine("← → Space", "change a choice such as < Sales >");
    helpLine("Dates", "typed as YYYY-MM-DD HH:MM in " + app.zone().getId() + " time");
  }

  @Override
  protected String about() {
    return "Fields marked * are required. F10 checks every field (messages appear beside them), shows a"
        + " summary, and saves only after your Yes. Esc asks before throwing away what you typed.";
  }

  /** Before the user types anything: is the session still open? (Otherwise the login screen, at once.) */
  @Override
  public void opened() {
    app.checkSession();
  }

  /** Esc or Cancel: leaves at once when nothing was typed, else asks first (No is the answer Enter gives). */
  @Override
  protected void onEscape() {
    List<String> changed = form.fields().stream().filter(Field::changed).map(Field::label).toList();
    if (changed.isEmpty()) {
      app.back(this);
      return;
    }
    app.dialogs().confirmNo("Leave the form", List.of("You changed: " + String.join(", ", changed) + "."),
        "Leave without saving? Your changes are lost.", () -> app.back(this), null);
  }

  /** Checks only the screen can make (a repeated password…), as field errors. */
  protected List<FieldError> localErrors() {
    return List.of();
  }

  /**
   * Builds the command from the fields now (throwing {@link ValidationFailed} with every field
   * error) and returns the call that saves it; the call rebuilds the command each time it runs,
   * so a retry after the password was asked again sends fresh values.
   */
  protected abstract Supplier<R> prepare();

  /** What the confirmation shows; empty means there is nothing to save. */
  protected List<String> summary() {
    return form.summary();
  }

  protected String question() {
    return "Save?";
  }

  /** Whether the password must have been typed recently (false when the form asks for it itself). */
  protected boolean needsRecentPassword() {
    return true;
  }

  protected abstract void saved(R result);

  /**
   * Someone else saved the record meanwhile; {@code current} is how it is now. An update form
   * takes it as its new starting point, keeping what the user typed, and returns true; by
   * default the form closes (the record's screen below shows the current values).
   */
  protected boolean rebase(Object current) {
    return false;
  }

  /** The form stays open after a conflict when {@link #rebase} is implemented: call in its constructor. */
  protected void keepChangesOnConflict() {
    form.keepChangesOnConflict();
  }

  private void conflicted(ConcurrentModification conflict) {
    if (conflict == null || !rebase(conflict.current())) {
      app.back(this);
    }
  }

  @Override
  void submit() {
    form.clearErrors();
    List<FieldError> errors = new ArrayList<>(localErrors());
    boolean datesOk = true;
    for (Field f : form.fields()) {
      if (f instanceof DateField d && !d.check()) {
        datesOk = false;
      }
    }
    Supplier<R> work = null;
    try {
      work = prepare();
    } catch (ValidationFailed v) {
      errors.addAll(v.errors());
    }
    if (!errors.isEmpty() || !datesOk) {
      form.showErrors(errors);
      Interactable first = form.firstInvalid();
      if (first != null) {
        focus(first);
      }
      return;
    }
    List<String> lines = summary();
    if (lines.isEmpty()) {
      app.dialogs().message("Nothing to save", "No field was changed.", null);
      return;
    }
    Supplier<R> prepared = work;
    ConcurrentModification[] conflict = new ConcurrentModification[1];
    Supplier<R> call = () -> {
      try {
        return prepared.get();
      } catch (ConcurrentModification c) {
        conflict[0] = c;
        throw c;
      }
    };
    app.dialogs().confirm("Please confirm", lines, question(), () -> {
      if (needsRecentPassword()) {
        app.change(useCase, form, call, this::saved, () -> conflicted(conflict[0]));
      } else {
        app.submit(useCase, form, call, this::saved, () -> conflicted(conflict[0]));
      }
    }, null);
  }

  /** The raw text of a required field that was changed, "" when it was emptied (so it is reported). */
  static String changedText(TextField f) {
    if (!f.changed()) {
      return null;
    }
    return f.value() == null ? "" : f.value();
  }
}
