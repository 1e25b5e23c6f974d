package com.epicevents.crm.application.port.out;

import java.util.function.Supplier;

/** Runs a unit of work atomically: everything in it is committed, or nothing is. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
