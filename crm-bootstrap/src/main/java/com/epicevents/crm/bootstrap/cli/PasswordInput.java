package com.epicevents.crm.bootstrap.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads a new password without it ever being a String (so it can be wiped after use). */
final class PasswordInput {
  private PasswordInput() {}

  /** One line of standard input, without its line ending ({@code --password-stdin}). */
  static char[] fromStandardInput(InputStream in) {
    // Not buffered: nothing after the first line is consumed.
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    char[] buffer = new char[64];
    int length = 0;
    try {
      for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
        if (length == buffer.length) {
          char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
          Arrays.fill(buffer, '\0');
          buffer = bigger;
        }
        buffer[length++] = (char) c;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (length > 0 && buffer[length - 1] == '\r') {
      length--;
    }
    char[] password = Arrays.copyOf(buffer, length);
    Arrays.fill(buffer, '\0');
    if (password.length == 0) {
      throw new CliFailure("password: nothing was read from standard input (--password-stdin)");
    }
    return password;
  }

  /** Asks twice on the terminal without echo; refuses when the two differ. */
  static char[] prompt(Console console, String username) {
    if (console == null) {
      throw new UsageException("no terminal to ask for the password: pipe it in with --password-stdin");
    }
    char[] first = console.readPassword("Password for %s: ", username);
    char[] second = first == null ? null : console.readPassword("Same password again: ");
    try {
      if (first == null || second == null || first.length == 0) {
        throw new CliFailure("password: none was typed");
      }
      if (!Arrays.equals(first, second)) {
        throw new CliFailure("password: the two entries differ");
      }
      return first.clone();
    } finally {
      if (first != null) {
        Arrays.fill(first, '\0');
      }
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }
}
