package com.epicevents.crm.http.route;

import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import com.epicevents.crm.application.port.out.RecordedResponse;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.json.Json;
import com.epicevents.crm.http.problem.Problem;
import com.epicevents.crm.http.problem.ProblemMapper;
import com.epicevents.crm.http.problem.ProblemType;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Idempotency-Key} on POST (integrations.md section 2): the header is read and checked
 * here, the request is fingerprinted (SHA-256 of method, path and exact body bytes), and the
 * handler runs through {@link RunIdempotentlyUseCase}, which stores the response in the same unit
 * of work as the change. A retry gets the stored status, headers and body bytes back with
 * {@code Idempotent-Replayed: true}.
 */
final class IdempotentPosts {
  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  /** Refusals that reached the use case: stored and replayed like a success. */
  private static final Set<Integer> STORED_REFUSALS = Set.of(403, 404, 409, 412);

  private IdempotentPosts() {}

  /** Runs the handler, once per key when the request carries one. */
  static void handle(Context ctx, RunIdempotentlyUseCase idempotency, Handler handler) throws Exception {
    String key = key(ctx);
    if (key == null) {
      handler.handle(ctx);
      return;
    }
    String fingerprint = fingerprint(ctx.method().name(), ctx.path(), Requests.bufferedBody(ctx));
    RunIdempotentlyUseCase.Outcome outcome;
    try {
      outcome = idempotency.run(new RunIdempotentlyUseCase.Request(Requests.token(ctx), key, fingerprint),
          new HandlerWork(ctx, handler));
    } catch (HandlerFailed failed) {
      throw failed.checked;
    }
    switch (outcome.kind()) {
      case EXECUTED -> write(ctx, outcome.response());
      case REPLAYED -> {
        write(ctx, outcome.response());
        ctx.header(REPLAYED, "true");
      }
      case IN_FLIGHT -> Responses.problem(ctx, Problem.of(ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
              "a request with this Idempotency-Key is still being processed; retry after it finished")
          .withHeaders(Map.of("Retry-After", "1")));
      case KEY_REUSED -> Responses.problem(ctx, Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was already used for a different request (method, path or body);"
              + " use a new key for a new request"));
    }
  }

  /** For POSTs whose response carries a secret, which is never stored: the header is refused. */
  static void refuseKey(Context ctx) {
    if (ctx.header(HEADER) != null) {
      throw ValidationFailed.of(HEADER, "is not accepted here: the response carries a secret, which is never stored"
          + " for a replay; send the request without it");
    }
  }

  /** The key, or null without the header; a malformed one is a 400 naming the header. */
  static String key(Context ctx) {
    List<String> values = Collections.list(ctx.req().getHeaders(HEADER));
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ValidationFailed.of(HEADER, "must be sent once");
    }
    String key = values.get(0);
    String problem = RunIdempotentlyUseCase.keyProblem(key);
    if (problem != null) {
      throw ValidationFailed.of(HEADER, problem); // the core's rule, named as the client sent it
    }
    return key;
  }

  static String fingerprint(String method, String path, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((method + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static void write(Context ctx, RecordedResponse response) {
    ctx.status(response.status());
    if (response.contentType() != null) {
      ctx.contentType(response.contentType());
    }
    if (response.location() != null) {
      ctx.header("Location", response.location());
    }
    if (response.etag() != null) {
      ctx.header("ETag", response.etag());
    }
    ctx.result(response.body());
  }

  /** The handler as the use case's work: its response as Javalin holds it, taken and put back. */
  private record HandlerWork(Context ctx, Handler handler) implements RunIdempotentlyUseCase.Work {
    @Override
    public RecordedResponse run() {
      try {
        handler.handle(ctx);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new HandlerFailed(e);
      }
      byte[] body = result(ctx);
      return new RecordedResponse(ctx.statusCode(), ctx.res().getContentType(), ctx.res().getHeader("Location"),
          ctx.res().getHeader("ETag"), body);
    }

    @Override
    public Optional<RecordedResponse> refusal(RuntimeException error) {
      if (!(error instanceof CrmException crm) || error instanceof ValidationFailed) {
        return Optional.empty();
      }
      Problem problem = ProblemMapper.map(crm);
      if (!STORED_REFUSALS.contains(problem.status())) {
        return Optional.empty();
      }
      return Optional.of(new RecordedResponse(problem.status(), Responses.PROBLEM_JSON, null,
          problem.headers().get("ETag"), Json.write(problem)));
    }

    private static byte[] result(Context ctx) {
      InputStream stream = ctx.resultInputStream();
      if (stream == null) {
        return new byte[0];
      }
      try (stream) {
        byte[] bytes = stream.readAllBytes();
        ctx.result(bytes);
        return bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A checked exception of a handler, carried through the use case and thrown again as it was. */
  private static final class HandlerFailed extends RuntimeException {
    private final Exception checked;

    HandlerFailed(Exception checked) {
      super(checked);
      this.checked = checked;
    }
  }
}
