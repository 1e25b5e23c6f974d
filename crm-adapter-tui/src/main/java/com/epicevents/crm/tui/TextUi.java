package com.epicevents.crm.tui;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.tui.screen.App;
import com.epicevents.crm.tui.setup.SetUp;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The staff text UI over any Lanterna {@link Terminal}: a real one from {@link #run}, or a
 * {@code DefaultVirtualTerminal} in tests, which type keys and call {@link #processInput()}.
 *
 * <p>Everything runs on the calling thread, one event loop, no modal waits: that keeps the UI
 * deterministic to drive from a test and lets a dialog appear over any screen without blocking.
 */
public final class TextUi implements AutoCloseable {
  private static final int MAX_FAILURES_IN_A_ROW = 5;

  private final Screen screen;
  private final MultiWindowTextGUI gui;
  private final App app;
  private boolean open;
  private int failuresInARow;

  public TextUi(UseCases useCases, ErrorReporter reporter, Terminal terminal, ZoneId zone, String databaseLabel) {
    this(useCases, reporter, terminal, zone, databaseLabel, Clock.system(zone));
  }

  /**
   * @param clock "now" for the immediate checks of typed dates (the core decides on save)
   */
  public TextUi(UseCases useCases, ErrorReporter reporter, Terminal terminal, ZoneId zone, String databaseLabel,
      Clock clock) {
    try {
      this.screen = new TerminalScreen(terminal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.gui = new MultiWindowTextGUI(screen, new DefaultWindowManager(), new EmptySpace(TextColor.ANSI.BLUE));
    this.app = new App(gui, useCases, reporter, zone, clock, databaseLabel);
  }

  /**
   * The text UI of a CRM that may not be set up yet: the first-launch screens (where the data
   * goes, the first manager's account) come before the login screen.
   */
  public TextUi(SetUp setUp, Terminal terminal, ZoneId zone, Clock clock) {
    try {
      this.screen = new TerminalScreen(terminal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.gui = new MultiWindowTextGUI(screen, new DefaultWindowManager(), new EmptySpace(TextColor.ANSI.BLUE));
    this.app = new App(gui, setUp, zone, clock);
  }

  /** {@link #run} after the first-launch screens when the CRM is not set up yet. */
  public static void run(SetUp setUp, Terminal terminal, ZoneId zone) {
    try (TextUi ui = new TextUi(setUp, terminal, zone, Clock.system(zone))) {
      ui.open();
      while (!ui.finished()) {
        if (!ui.processInput()) {
          sleepBriefly();
        }
      }
    }
  }

  /**
   * Runs the text UI on a terminal until the user leaves (Esc or "exit" at the login screen).
   */
  public static void run(UseCases useCases, ErrorReporter reporter, Terminal terminal, ZoneId zone,
      String databaseLabel) {
    try (TextUi ui = new TextUi(useCases, reporter, terminal, zone, databaseLabel)) {
      ui.open();
      while (!ui.finished()) {
        if (!ui.processInput()) {
          sleepBriefly();
        }
      }
    }
  }

  /** Takes over the terminal and shows the login screen. */
  public void open() {
    try {
      screen.startScreen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    open = true;
    app.start();
    app.followTerminalSize();
    processInput();
  }

  /**
   * Handles the keys typed so far and redraws. An unexpected error is reported and shown with
   * its reference, and the UI carries on. Returns whether anything happened.
   */
  public boolean processInput() {
    try {
      boolean busy = gui.getGUIThread().processEventsAndUpdate();
      if (app.followTerminalSize()) {
        gui.updateScreen();
        busy = true;
      }
      failuresInARow = 0;
      return busy;
    } catch (EOFException closed) {
      app.exit();
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      if (++failuresInARow > MAX_FAILURES_IN_A_ROW) {
        throw e;
      }
      app.unexpected("TextUi", e);
      return true;
    }
  }

  /** Whether the user has left. */
  public boolean finished() {
    return app.finished();
  }

  /** Gives the terminal back. */
  @Override
  public void close() {
    if (open) {
      open = false;
      try {
        screen.stopScreen();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
