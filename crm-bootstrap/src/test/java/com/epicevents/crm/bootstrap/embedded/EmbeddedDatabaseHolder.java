package com.epicevents.crm.bootstrap.embedded;

import java.nio.file.Path;

/** Test helper run as a separate JVM: holds an embedded database until killed. */
public final class EmbeddedDatabaseHolder {
  private EmbeddedDatabaseHolder() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]), args[2]);
    System.out.println("ready " + database.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
