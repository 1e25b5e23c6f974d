package com.epicevents.crm.bootstrap.cli;

import java.util.concurrent.Callable;

/**
 * {@code crm} without a subcommand: the text UI. Not written yet; the TUI work replaces this
 * class. Until then it says so and fails, rather than pretending.
 */
final class TextUiCommand implements Callable<Integer> {
  private final Main main;

  TextUiCommand(Main main) {
    this.main = main;
  }

  @Override
  public Integer call() {
    main.environment().err().println("crm: the text UI is not available yet; see 'crm --help' for what is");
    return Failures.FAILURE;
  }
}
