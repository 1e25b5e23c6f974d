package com.epicevents.crm.bootstrap.tui;

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
 * A full-screen step of the first-launch wizard, laid out as the staff screens are: a status line
 * on top, the content, and the step's keys at the bottom; F1 lists them, Esc goes back.
 */
abstract class WizardScreen {
  protected final FirstLaunchWizard wizard;
  protected final BasicWindow window;
  private final String title;
  private final Map<Character, Runnable> keys = new LinkedHashMap<>();
  private final List<String> help = new ArrayList<>();

  protected WizardScreen(FirstLaunchWizard wizard, String title) {
    this.wizard = wizard;
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

  Window window() {
    return window;
  }

  /** Places the content between the status line and the line of keys. */
  protected void setBody(Component body, String keyHints) {
    Panel root = new Panel(new BorderLayout());
    Panel top = new Panel(new LinearLayout(Direction.VERTICAL));
    top.addComponent(new Label(Display.safe(wizard.statusLine())));
    top.addComponent(new Separator(Direction.HORIZONTAL)
        .setLayoutData(LinearLayout.createLayoutData(LinearLayout.Alignment.Fill)));
    root.addComponent(top, BorderLayout.Location.TOP);
    root.addComponent(body, BorderLayout.Location.CENTER);
    Panel bottom = new Panel(new LinearLayout(Direction.VERTICAL));
    bottom.addComponent(new Separator(Direction.HORIZONTAL)
        .setLayoutData(LinearLayout.createLayoutData(LinearLayout.Alignment.Fill)));
    Label keyLine = new Label("");
    keyLine.setLabelWidth(Math.max(20, wizard.columns() - 2));
    keyLine.setText(keyHints + "  F1: help");
    bottom.addComponent(keyLine);
    root.addComponent(bottom, BorderLayout.Location.BOTTOM);
    window.setComponent(root);
  }

  /** A single-character key of this step (acts unless the cursor is in a text box), listed by F1. */
  protected void key(char c, String description, Runnable action) {
    keys.put(Character.toLowerCase(c), action);
    helpLine(String.valueOf(c), description);
  }

  /** A line of the F1 help for a key handled elsewhere. */
  protected void helpLine(String key, String description) {
    help.add(String.format("  %-9s %s", key, description));
  }

  List<String> help() {
    List<String> lines = new ArrayList<>();
    lines.add("Keys on this screen:");
    lines.addAll(help);
    lines.add("");
    lines.add("Everywhere:");
    lines.add(String.format("  %-9s %s", "Tab ↓ ↑", "move between fields and buttons"));
    lines.add(String.format("  %-9s %s", "Enter", "choose, or go to the next field"));
    lines.add(String.format("  %-9s %s", "Esc", "back (on the first screen: leave)"));
    lines.add(String.format("  %-9s %s", "F1", "this help"));
    return lines;
  }

  /** Esc. */
  protected abstract void onEscape();

  /** Keys the step handles before its components (F10…); true when handled. */
  protected boolean onSpecialKey(KeyStroke key) {
    return false;
  }

  protected void focus(Interactable interactable) {
    if (interactable != null) {
      window.setFocusedInteractable(interactable);
    }
  }

  private boolean handleKey(KeyStroke key) {
    if (key.getKeyType() == KeyType.F1) {
      wizard.dialogs().help("Help: " + title, help());
      return true;
    }
    if (key.getKeyType() == KeyType.Escape) {
      onEscape();
      return true;
    }
    if (onSpecialKey(key)) {
      return true;
    }
    if (key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()
        && !(window.getFocusedInteractable() instanceof TextBox)) {
      Runnable action = keys.get(Character.toLowerCase(key.getCharacter()));
      if (action != null) {
        action.run();
        return true;
      }
    }
    return false;
  }
}
