package com.epicevents.crm.bootstrap.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a command may touch outside itself: the environment variables, the user's home, the
 * standard streams and the terminal. Passed in, so tests run commands in-process without the
 * real environment.
 *
 * @param console the terminal for password prompts, null when there is none
 */
public record CliEnvironment(
    Map<String, String> variables, Path userHome, InputStream in, PrintWriter out, PrintWriter err, Console console) {

  public CliEnvironment {
    variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    Objects.requireNonNull(userHome, "userHome");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }

  /** The real process: System streams, System.getenv(), System.console(). */
  public static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.in,
        new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console());
  }
}
