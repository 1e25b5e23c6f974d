package com.epicevents.crm.application.port.out;

import java.util.function.Supplier;

/** Runs a unit of work atomically: everything in it is committed, or nothing is. */
public interface Transactions {
  /** Runs the work in a unit of its own, or as part of the caller's unit when one is open. */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs the work in a new, independent unit even when the caller's unit is open: the new unit
   * commits at once and stays committed whatever the caller's unit does afterwards (the caller's
   * unit is set aside meanwhile). For what must outlive a rollback, such as the audit of a refusal.
   */
  <T> T inNewTransaction(Supplier<T> work);

  default void run(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }
}
