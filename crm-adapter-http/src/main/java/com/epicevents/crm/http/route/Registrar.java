package com.epicevents.crm.http.route;

import com.epicevents.crm.application.port.in.RunIdempotentlyUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * Declares the routes under {@code /api/v1}, each with the use case it calls (named in error
 * reports) and its {@link Access}.
 */
public final class Registrar {
  public static final String PREFIX = "/api/v1";
  static final String USE_CASE_ATTRIBUTE = "crm.useCase";

  private final RoutesConfig routes;
  private final RunIdempotentlyUseCase idempotency;

  public Registrar(RoutesConfig routes, RunIdempotentlyUseCase idempotency) {
    this.routes = routes;
    this.idempotency = idempotency;
  }

  /** The use case the request was routed to, for error reports; "Http" before routing. */
  public static String useCaseOf(Context ctx) {
    String name = ctx.attribute(USE_CASE_ATTRIBUTE);
    return name == null ? "Http" : name;
  }

  void get(String path, String useCase, Access access, Handler handler) {
    add(HandlerType.GET, path, useCase, access, handler);
  }

  /** A POST that accepts {@code Idempotency-Key}: with it, the handler runs once per key (see {@link IdempotentPosts}). */
  void post(String path, String useCase, Access access, Handler handler) {
    add(HandlerType.POST, path, useCase, access, ctx -> IdempotentPosts.handle(ctx, idempotency, handler));
  }

  /**
   * A POST whose response carries a secret (a token, a signing secret, an API key), which is never
   * stored: {@code Idempotency-Key} is refused with a 400 naming the header.
   */
  void postReturningSecret(String path, String useCase, Access access, Handler handler) {
    add(HandlerType.POST, path, useCase, access, ctx -> {
      IdempotentPosts.refuseKey(ctx);
      handler.handle(ctx);
    });
  }

  void put(String path, String useCase, Access access, Handler handler) {
    add(HandlerType.PUT, path, useCase, access, handler);
  }

  void patch(String path, String useCase, Access access, Handler handler) {
    add(HandlerType.PATCH, path, useCase, access, handler);
  }

  void delete(String path, String useCase, Access access, Handler handler) {
    add(HandlerType.DELETE, path, useCase, access, handler);
  }

  private void add(HandlerType method, String path, String useCase, Access access, Handler handler) {
    routes.addHttpHandler(method, PREFIX + path, ctx -> {
      ctx.attribute(USE_CASE_ATTRIBUTE, useCase);
      handler.handle(ctx);
    }, access);
  }
}
