package com.epicevents.crm.tui.screen;

import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Separator;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A full-screen window: the status line (user, team, database) on top, the screen's content, and
 * a line of its keys at the bottom. Single-letter keys act unless the cursor is in a text box;
 * F1 shows every key of the screen; Esc goes back.
 */
public abstract class Screen {
  protected final App app;
  protected final BasicWindow window;
  private final String title;
  private final Map<Character, Runnable> keys = new LinkedHashMap<>();
  private final List<String> help = new ArrayList<>();
  private final Label keyLine = new Label("");
  private final Label notice = new Label("");
  private Component body;
  private String keyHints = "";

  protected Screen(App app, String title) {
    this.app = app;
    this.title = title;
    this.window = new BasicWindow(Display.safe(title));
    window.setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_POST_RENDERING));
    window.addWindowListener(new WindowListenerAdapter() {
      @Override
      public void onInput(Window w, KeyStroke key, AtomicBoolean deliverEvent) {
        if (handleKey(key)) {
          deliverEvent.set(false);
        }
      }
    });
  }

  public String title() {
    return title;
  }

  public Window window() {
    return window;
  }

  /** Places the content between the status line and the key line. */
  protected void setBody(Component body, String keyHints) {
    this.body = body;
    this.keyHints = keyHints;
    frame();
  }

  private void frame() {
    Interactable focused = window.getFocusedInteractable();
    Panel root = new Panel(new BorderLayout());
    Panel top = new Panel(new LinearLayout(Direction.VERTICAL));
    top.addComponent(new Label(Display.safe(statusLine())));
    top.addComponent(new Separator(Direction.HORIZONTAL).setLayoutData(LinearLayout.createLayoutData(LinearLayout.Alignment.Fill)));
    root.addComponent(top, BorderLayout.Location.TOP);
    root.addComponent(body, BorderLayout.Location.CENTER);
    Panel bottom = new Panel(new LinearLayout(Direction.VERTICAL));
    bottom.addComponent(new Separator(Direction.HORIZONTAL).setLayoutData(LinearLayout.createLayoutData(LinearLayout.Alignment.Fill)));
    int width = Math.max(20, app.columns() - 2);
    if (!notice.getText().isEmpty()) {
      notice.setLabelWidth(width);
      notice.setText(notice.getText());
      bottom.addComponent(notice);
    }
    keyLine.setLabelWidth(width);
    keyLine.setText(keyHints + "  ?/F1: help");
    bottom.addComponent(keyLine);
    root.addComponent(bottom, BorderLayout.Location.BOTTOM);
    window.setComponent(root);
    if (focused != null && focused.getBasePane() == window) {
      window.setFocusedInteractable(focused);
    }
  }

  protected void setKeyHints(String keyHints) {
    this.keyHints = keyHints;
    keyLine.setText(keyHints + "  ?/F1: help");
  }

  /** A line above the keys saying what just happened ("Client #4 was updated."), instead of a dialog. */
  public void notice(String text) {
    notice.setText(Display.safe(text));
    if (body != null) {
      frame();
    }
  }

  public String noticeText() {
    return notice.getText();
  }

  /**
   * The terminal changed size. Screens whose content depends on the width (tables, forms, detail
   * views) lay it out again; the frame (status line, keys) always follows.
   */
  public void resized() {
    if (body != null) {
      frame();
    }
  }

  /** The line above the content: who is logged in and where the data is. */
  protected String statusLine() {
    return app.statusLine();
  }

  /** What the screen is for, shown at the top of the help (F1 or ?). */
  protected String about() {
    return null;
  }

  /** A single-letter key acting on this screen, listed in the F1 help. */
  protected void key(char c, String description, Runnable action) {
    keys.put(Character.toLowerCase(c), action);
    help.add(String.format("  %-9s %s", c, description));
  }

  /** Forgets the screen's keys (before it is rebuilt for a record in another state). */
  protected void clearKeys() {
    keys.clear();
    help.clear();
  }

  /** A line of the F1 help for a key handled elsewhere (Enter, PgDn…). */
  protected void helpLine(String key, String description) {
    help.add(String.format("  %-9s %s", key, description));
  }

  /** The key list shown by F1. */
  public List<String> help() {
    List<String> lines = new ArrayList<>();
    if (about() != null) {
      lines.add(about());
      lines.add("");
    }
    lines.add("Keys on this screen:");
    lines.addAll(help);
    lines.add("");
    lines.add("Everywhere:");
    lines.add(String.format("  %-9s %s", "Tab ↓ ↑", "move between fields, lists and buttons"));
    lines.add(String.format("  %-9s %s", "Enter", "choose, or go to the next field"));
    lines.add(String.format("  %-9s %s", "Esc", "back (on the login screen: leave)"));
    lines.add(String.format("  %-9s %s", "? or F1", "this help (? only outside text boxes)"));
    return lines;
  }

  /**
   * Called once the screen is shown: the place to load data, so that a failure (a dialog, or the
   * login screen when the session is over) appears above the screen rather than under it.
   */
  public void opened() {}

  /** Called when the screen is on top again after the one above it closed. */
  public void resume() {}

  /** Esc: back to the previous screen. */
  protected void onEscape() {
    app.back(this);
  }

  /** Keys a screen handles before its components (PgDn, F10…); true when handled. */
  protected boolean onSpecialKey(KeyStroke key) {
    return false;
  }

  protected void focus(Interactable interactable) {
    if (interactable != null) {
      window.setFocusedInteractable(interactable);
    }
  }

  private boolean handleKey(KeyStroke key) {
    if (!notice.getText().isEmpty()) {
      notice("");
    }
    if (key.getKeyType() == KeyType.F1 || (isPlainChar(key, '?') && !inTextBox())) {
      app.dialogs().help("Help: " + title, help());
      return true;
    }
    if (key.getKeyType() == KeyType.Escape) {
      onEscape();
      return true;
    }
    if (onSpecialKey(key)) {
      return true;
    }
    if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown() && !inTextBox()) {
      Runnable action = keys.get(Character.toLowerCase(key.getCharacter()));
      if (action != null) {
        action.run();
        return true;
      }
    }
    return false;
  }

  protected boolean inTextBox() {
    return window.getFocusedInteractable() instanceof TextBox;
  }

  static boolean isPlainChar(KeyStroke key, char c) {
    return key.getKeyType() == KeyType.Character && key.getCharacter() == c && !key.isCtrlDown() && !key.isAltDown();
  }
}
