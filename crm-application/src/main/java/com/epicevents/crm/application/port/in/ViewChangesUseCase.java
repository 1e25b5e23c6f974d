package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The changes feed: every committed change after a cursor, in commit order. With a wait, an
 * empty answer is held until a change commits or the wait ends (long polling); no database
 * connection is held while waiting.
 */
public interface ViewChangesUseCase {
  int DEFAULT_LIMIT = 100;
  int MAX_LIMIT = 1000;
  Duration MAX_WAIT = Duration.ofSeconds(30);

  CompletableFuture<ChangesPage> read(AuthToken token, Query query);

  /** @param afterSeq 0 for the beginning; @param entityType null for every type */
  record Query(long afterSeq, int limit, EntityType entityType, Duration waitFor) {
    public Query {
      List<com.epicevents.crm.domain.error.FieldError> errors = new ArrayList<>();
      if (afterSeq < 0) {
        errors.add(new com.epicevents.crm.domain.error.FieldError("after", "is not a valid cursor"));
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        errors.add(new com.epicevents.crm.domain.error.FieldError("limit", "must be between 1 and " + MAX_LIMIT));
      }
      if (waitFor == null || waitFor.isNegative() || waitFor.compareTo(MAX_WAIT) > 0) {
        errors.add(new com.epicevents.crm.domain.error.FieldError("wait", "must be between 0 and 30 seconds"));
      }
      if (!errors.isEmpty()) {
        throw new ValidationFailed(errors);
      }
    }
  }

  /** @param nextAfter where the next read starts: the last item's seq, or the query's cursor when empty */
  record ChangesPage(List<ChangeRecord> items, long nextAfter) {
    public ChangesPage {
      items = List.copyOf(items);
    }
  }
}
