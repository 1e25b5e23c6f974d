package com.epicevents.crm.tui.widget;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import com.googlecode.lanterna.gui2.WindowListenerAdapter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Message, confirmation and password dialogs that never block: each adds a modal window and calls
 * back when the user answers, so the whole UI runs on one event loop that tests can drive key by
 * key. Every line shown goes through {@link Display#safe}.
 */
public final class Dialogs {
  private final WindowBasedTextGUI gui;

  public Dialogs(WindowBasedTextGUI gui) {
    this.gui = gui;
  }

  /** A message with an OK button; Enter or Esc closes it, then {@code then} runs. */
  public void message(String title, List<String> lines, Runnable then) {
    BasicWindow window = window(title);
    Panel panel = column();
    addLines(panel, lines);
    panel.addComponent(new EmptySpace());
    Button ok = new Button("OK", () -> close(window, then));
    panel.addComponent(ok);
    window.setComponent(panel);
    onKeys(window, key -> {
      if (key.getKeyType() == KeyType.Escape) {
        close(window, then);
        return true;
      }
      return false;
    });
    show(window, ok);
  }

  public void message(String title, String line, Runnable then) {
    message(title, List.of(line), then);
  }

  /** A question answered with Yes (or y) and No (n or Esc). */
  public void confirm(String title, List<String> lines, String question, Runnable onYes, Runnable onNo) {
    BasicWindow window = window(title);
    Panel panel = column();
    addLines(panel, lines);
    panel.addComponent(new EmptySpace());
    panel.addComponent(new Label(Display.safe(question)));
    Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
    Button yes = new Button("Yes", () -> close(window, onYes));
    buttons.addComponent(yes);
    buttons.addComponent(new Button("No", () -> close(window, onNo)));
    panel.addComponent(buttons);
    window.setComponent(panel);
    onKeys(window, key -> {
      if (key.getKeyType() == KeyType.Escape || isChar(key, 'n')) {
        close(window, onNo);
        return true;
      }
      if (isChar(key, 'y')) {
        close(window, onYes);
        return true;
      }
      return false;
    });
    show(window, yes);
  }

  /** A question whose safe answer is No: the cursor starts on No, so Enter alone changes nothing. */
  public void confirmNo(String title, List<String> lines, String question, Runnable onYes, Runnable onNo) {
    confirm(title, lines, question, onYes, onNo);
    Window shown = gui.getActiveWindow();
    if (shown instanceof BasicWindow w && w.getComponent() instanceof Panel panel) {
      Panel buttons = (Panel) panel.getChildrenList().get(panel.getChildCount() - 1);
      w.setFocusedInteractable((Interactable) buttons.getChildrenList().get(1));
    }
  }

  /**
   * Asks for a line of text. {@code onEntered} answers null when the text is accepted (the dialog
   * closes) or the reason it is not (shown, the dialog stays). Esc cancels.
   */
  public void ask(String title, String prompt, String initial, java.util.function.Function<String, String> onEntered) {
    BasicWindow window = window(title);
    Panel panel = column();
    Label problem = errorLabel("");
    panel.addComponent(new Label(Display.safe(prompt)));
    TextBox box = new com.epicevents.crm.tui.form.EditBox(30, initial);
    panel.addComponent(box);
    panel.addComponent(problem);
    panel.addComponent(new Label("Enter: apply   Esc: cancel   Ctrl+U: empty"));
    window.setComponent(panel);
    onKeys(window, key -> {
      if (key.getKeyType() == KeyType.Escape) {
        window.close();
        return true;
      }
      if (key.getKeyType() == KeyType.Enter) {
        window.close();
        String refused = onEntered.apply(box.getText());
        if (refused != null) {
          problem.setText(Display.safe(refused));
          gui.addWindow(window);
          gui.setActiveWindow(window);
        }
        return true;
      }
      return false;
    });
    show(window, box);
  }

  /**
   * Asks for a password (masked). Enter hands the typed characters over (the box is emptied);
   * Esc cancels. {@code error}, when not null, is shown above the prompt.
   */
  public void password(String title, String prompt, String error, Consumer<char[]> onEntered, Runnable onCancel) {
    BasicWindow window = window(title);
    Panel panel = column();
    if (error != null) {
      panel.addComponent(errorLabel(error));
    }
    panel.addComponent(new Label(Display.safe(prompt)));
    TextBox box = new TextBox().setMask('*');
    box.setPreferredSize(new com.googlecode.lanterna.TerminalSize(30, 1));
    panel.addComponent(box);
    panel.addComponent(new Label("Enter: confirm   Esc: cancel"));
    window.setComponent(panel);
    onKeys(window, key -> {
      if (key.getKeyType() == KeyType.Escape) {
        box.setText("");
        close(window, onCancel);
        return true;
      }
      if (key.getKeyType() == KeyType.Enter) {
        char[] typed = box.getText().toCharArray();
        box.setText("");
        window.close();
        onEntered.accept(typed);
        return true;
      }
      return false;
    });
    show(window, box);
  }

  /**
   * A read-only list of lines (the F1 help); Esc or F1 closes it. When the lines do not fit the
   * terminal they scroll with the arrow keys.
   */
  public void help(String title, List<String> lines) {
    BasicWindow window = window(title);
    Panel panel = column();
    int room = gui.getScreen().getTerminalSize().getRows() - 7;
    Button close = new Button("Close", window::close);
    Interactable focus = close;
    if (lines.size() <= room) {
      addLines(panel, lines);
      panel.addComponent(new EmptySpace());
    } else {
      int width = lines.stream().mapToInt(String::length).max().orElse(20) + 2;
      TextBox scroller = new TextBox(new com.googlecode.lanterna.TerminalSize(Math.min(width, textWidth()), room),
          lines.stream().map(Display::safe).collect(java.util.stream.Collectors.joining("\n")), TextBox.Style.MULTI_LINE);
      scroller.setReadOnly(true);
      panel.addComponent(scroller);
      panel.addComponent(new Label("↑ ↓ PgUp PgDn: scroll"));
      focus = scroller;
    }
    panel.addComponent(close);
    window.setComponent(panel);
    onKeys(window, key -> {
      if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.F1) {
        window.close();
        return true;
      }
      return false;
    });
    show(window, focus);
  }

  /**
   * A label that wraps at {@code width} columns. (Lanterna measures a label when its text is set,
   * so the width has to be set first.)
   */
  public static Label wrapped(String text, int width) {
    Label label = new Label("");
    label.setLabelWidth(width);
    label.setText(Display.safe(text));
    return label;
  }

  /** Stored text keeping its own line breaks, each line wrapping at {@code width} columns. */
  public static Label wrappedLines(String raw, int width) {
    Label label = new Label("");
    label.setLabelWidth(width);
    label.setText(String.join("\n", Display.lines(raw)));
    return label;
  }

  /** A label in the error colour. */
  public static Label errorLabel(String text) {
    Label label = new Label(Display.safe(text));
    label.setForegroundColor(TextColor.ANSI.RED_BRIGHT);
    return label;
  }

  private int textWidth() {
    int columns = gui.getScreen().getTerminalSize().getColumns();
    return Math.max(20, Math.min(76, columns - 8));
  }

  private void addLines(Panel panel, List<String> lines) {
    int width = textWidth();
    for (String line : lines) {
      panel.addComponent(wrapped(line, width));
    }
  }

  private static BasicWindow window(String title) {
    BasicWindow window = new BasicWindow(Display.safe(title));
    window.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
    return window;
  }

  private static Panel column() {
    return new Panel(new LinearLayout(Direction.VERTICAL));
  }

  private void show(BasicWindow window, Interactable focus) {
    gui.addWindow(window);
    gui.setActiveWindow(window);
    window.setFocusedInteractable(focus);
  }

  private static void close(Window window, Runnable then) {
    window.close();
    if (then != null) {
      then.run();
    }
  }

  private static boolean isChar(KeyStroke key, char c) {
    return key.getKeyType() == KeyType.Character && Character.toLowerCase(key.getCharacter()) == c
        && !key.isCtrlDown() && !key.isAltDown();
  }

  /** Keys the dialog itself handles before its buttons see them. */
  private static void onKeys(Window window, java.util.function.Predicate<KeyStroke> handler) {
    window.addWindowListener(new WindowListenerAdapter() {
      @Override
      public void onInput(Window w, KeyStroke key, java.util.concurrent.atomic.AtomicBoolean deliverEvent) {
        if (handler.test(key)) {
          deliverEvent.set(false);
        }
      }
    });
  }
}
