package com.epicevents.crm.tui.screen;

import com.epicevents.crm.tui.widget.Dialogs;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;

/**
 * One record, field by field, and the actions the user may take on it — only those the access
 * policy allows for this record. Reloaded whenever it comes back on top, so it shows the result
 * of what was just done.
 */
abstract class DetailScreen<T> extends Screen {
  protected T record;
  private ActionListBox actions;

  protected DetailScreen(App app, String title) {
    super(app, title);
  }

  protected abstract String useCaseName();

  protected abstract T fetch();

  protected abstract List<Describe.Line> describe(T record);

  @Override
  protected String about() {
    return "One record and what you may do with it: only the actions the permission table allows you on"
        + " this record are listed.";
  }

  /** Lines shown after the record's fields (why an action is not offered…). */
  protected List<Describe.Line> notes(T record) {
    return List.of();
  }

  /** Adds the allowed actions with {@link #action}. */
  protected abstract void addActions(T record);

  /** Loads the record; closes the screen when it cannot be read (the reason was shown). */
  protected void load() {
    var loaded = app.read(useCaseName(), this::fetch);
    if (loaded.isEmpty()) {
      if (record == null) {
        app.back(this);
      }
      return;
    }
    record = loaded.get();
    rebuild();
  }

  @Override
  public void opened() {
    load();
  }

  @Override
  public void resume() {
    load();
  }

  protected void action(char key, String label, Runnable run) {
    actions.addItem(key + "  " + label, run);
    key(key, label, run);
  }

  @Override
  public void resized() {
    if (record != null) {
      rebuild();
    }
    super.resized();
  }

  private void rebuild() {
    int selected = actions == null ? 0 : actions.getSelectedIndex();
    clearKeys();
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    Panel grid = new Panel(new GridLayout(2).setHorizontalSpacing(2));
    List<Describe.Line> lines = new java.util.ArrayList<>(describe(record));
    lines.addAll(notes(record));
    int labelWidth = lines.stream().mapToInt(l -> l.label().length()).max().orElse(10);
    // Window borders (2), the grid's margins (2) and the spacing (2): the value gets the rest.
    int valueWidth = Math.max(12, app.columns() - 6 - labelWidth);
    for (Describe.Line line : lines) {
      Label label = new Label(line.label());
      label.setPreferredSize(new TerminalSize(labelWidth, 1));
      grid.addComponent(label);
      grid.addComponent(Dialogs.wrappedLines(line.valueOrNone(), valueWidth));
    }
    body.addComponent(grid);
    body.addComponent(new EmptySpace());
    actions = new ActionListBox();
    addActions(record);
    if (actions.getItemCount() > 0) {
      body.addComponent(new Label("What would you like to do?"));
      body.addComponent(actions);
    }
    setBody(body, actions.getItemCount() > 0 ? "letter or Enter: act  Esc: back" : "Esc: back");
    helpLine("↑ ↓ Enter", "choose an action");
    if (actions.getItemCount() > 0) {
      actions.setSelectedIndex(Math.min(Math.max(0, selected), actions.getItemCount() - 1));
      focus(actions);
    }
  }
}
