package com.epicevents.crm.http.route;

import static com.epicevents.crm.http.route.Access.AUTHENTICATED;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.in.ViewChangesUseCase;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.json.IntegrationRepresentations;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /changes}: the changes feed, for any person's session, or an API key with the scope
 * {@code changes:read}. With {@code wait}, the request is answered
 * asynchronously: no server thread and no database connection is held while it waits.
 */
final class ChangeRoutes {
  private static final List<String> TYPES = List.of("COLLABORATOR", "CLIENT", "CONTRACT", "EVENT");

  private ChangeRoutes() {}

  static void register(Registrar r, UseCases core) {
    r.get("/changes", "ViewChanges", AUTHENTICATED, ctx -> {
      QueryParams q = QueryParams.of(ctx, "after", "entityType", "wait");
      long after = FeedCursor.decode(ctx.queryParam("after"));
      int limit = q.bounded("limit", ViewChangesUseCase.DEFAULT_LIMIT, 1, ViewChangesUseCase.MAX_LIMIT);
      int wait = q.bounded("wait", 0, 0, (int) ViewChangesUseCase.MAX_WAIT.toSeconds());
      EntityType type = q.parsed("entityType", ChangeRoutes::entityType);
      q.done();
      var query = new ViewChangesUseCase.Query(after, limit, type, Duration.ofSeconds(wait));
      var token = Requests.token(ctx);
      ctx.future(() -> core.changes().read(token, query).thenAccept(page ->
          Responses.json(ctx, 200, new IntegrationRepresentations.ChangesJson(
              page.items().stream().map(IntegrationRepresentations::change).toList(),
              FeedCursor.encode(page.nextAfter())))));
    });
  }

  /**
   * The feed's opaque cursor: base64url of {@code s<seq>}. Unlike list cursors it also encodes
   * position 0, so that even the first, empty page hands back a cursor to keep.
   */
  static final class FeedCursor {
    private FeedCursor() {}

    static String encode(long seq) {
      return java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(("s" + seq).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
      if (cursor == null) {
        return 0;
      }
      try {
        String text = cursor.length() > 40 ? "" : new String(java.util.Base64.getUrlDecoder().decode(cursor),
            java.nio.charset.StandardCharsets.US_ASCII);
        if (text.matches("s(0|[1-9][0-9]{0,17})")) {
          return Long.parseLong(text.substring(1));
        }
      } catch (IllegalArgumentException notBase64) {
        // reported below
      }
      throw ValidationFailed.of("after", "is not a valid cursor: use the nextCursor of a previous page");
    }
  }

  private static EntityType entityType(String raw) {
    if (!TYPES.contains(raw)) {
      throw ValidationFailed.of("entityType", "must be one of " + String.join(", ", TYPES));
    }
    return EntityType.valueOf(raw);
  }
}
