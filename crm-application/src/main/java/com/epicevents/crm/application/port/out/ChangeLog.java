package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.audit.EntityType;
import java.util.List;

/**
 * The outbox of record changes. A use case announces each change in the transaction that makes
 * it, so a rolled-back change is never announced and a committed one always is; the adapter
 * stores it for the changes feed and queues a webhook event for every active subscription that
 * wants its type.
 */
public interface ChangeLog {
  /** Records the change in the caller's transaction. */
  void announce(RecordChange change);

  /**
   * Up to {@code limit} committed changes with a sequence number greater than {@code afterSeq},
   * in commit order, optionally of one entity type.
   */
  List<ChangeRecord> after(long afterSeq, EntityType entityType, int limit);
}
