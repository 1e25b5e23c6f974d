package com.epicevents.crm.tui.screen;

import com.epicevents.crm.tui.form.Form;
import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * What every form screen shares — the staff's create/update forms and the first-launch forms: an
 * intro that wraps to the window, a line for a problem with the record as a whole, the fields,
 * a submit button that F10 presses, a leave button that Esc presses, and a layout that follows
 * the window's size.
 */
abstract class FormLayout extends Screen {
  protected final Form form;
  /** Why the record as a whole cannot be saved; wraps, as these reasons can be long. */
  protected final Label problem = Dialogs.errorLabel("");
  private Label intro;
  private String introText;

  protected FormLayout(App app, String title) {
    super(app, title);
    this.form = new Form(app.zone(), app.clock(), app.columns());
  }

  /** Lays the form out; call once the fields are added. */
  protected void build(String intro, String submitLabel, String leaveLabel, String keyHints) {
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    int width = width();
    if (intro != null) {
      this.introText = intro;
      this.intro = Dialogs.wrapped(intro, width);
      body.addComponent(this.intro);
    }
    problem.setLabelWidth(width);
    body.addComponent(problem);
    body.addComponent(form.component());
    body.addComponent(new EmptySpace());
    Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
    buttons.addComponent(new Button(submitLabel, this::submit));
    buttons.addComponent(new Button(leaveLabel, this::onEscape));
    body.addComponent(buttons);
    setBody(body, keyHints);
    helpLine("Ctrl+U", "empty the field");
    focus(form.firstInput());
  }

  /** F10 or the submit button. */
  abstract void submit();

  @Override
  public void resized() {
    form.resize(app.columns());
    int width = width();
    if (intro != null) {
      intro.setLabelWidth(width);
      intro.setText(Display.safe(introText));
    }
    problem.setLabelWidth(width);
    problem.setText(problem.getText());
    super.resized();
  }

  @Override
  protected boolean onSpecialKey(KeyStroke key) {
    if (key.getKeyType() == KeyType.F10) {
      submit();
      return true;
    }
    return false;
  }

  private int width() {
    return Math.max(20, app.columns() - 2);
  }
}
