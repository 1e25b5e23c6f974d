package com.epicevents.crm.persistence.internal.repository;

/**
 * The server aborted the transaction to resolve a serialization failure (40001) or a deadlock
 * (40P01): running the whole unit of work again is safe and usually succeeds.
 */
final class RetryableConflict extends RuntimeException {
  RetryableConflict(String sqlState) {
    super("transaction aborted by the database (SQLSTATE " + sqlState + "), to be retried", null, false, false);
  }
}
