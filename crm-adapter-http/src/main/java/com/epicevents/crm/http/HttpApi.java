package com.epicevents.crm.http;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.limits.BodyBuffering;
import com.epicevents.crm.http.limits.PerAddressConnectionLimit;
import com.epicevents.crm.http.limits.RateLimiter;
import com.epicevents.crm.http.problem.ProblemErrorHandler;
import com.epicevents.crm.http.problem.ProblemMapper;
import com.epicevents.crm.http.route.ApiRoutes;
import com.epicevents.crm.http.route.Registrar;
import com.epicevents.crm.http.route.Requests;
import com.epicevents.crm.http.route.Responses;
import com.epicevents.crm.http.route.TeamFirst;
import io.javalin.Javalin;
import io.javalin.config.JavalinState;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP JSON API of the contract ({@code /api/v1}), served by Javalin. Every handler only
 * translates: request → command → use case → JSON; the core decides everything else.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.start(useCases, errorReporter, healthCheck, HttpSettings.defaults());
 * ... api.port() ...
 * api.stop(); // lets in-flight requests finish
 * }</pre>
 */
public final class HttpApi implements AutoCloseable {
  /** How long {@link #stop()} lets in-flight requests run before cutting them. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final List<HandlerType> METHODS =
      List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  private static final Set<String> HEALTH_PATHS = Set.of(Registrar.PREFIX + "/health", Registrar.PREFIX + "/health/");

  private final Javalin app;
  private final List<Route> routes;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /** One registered endpoint: method and path template such as {@code /api/v1/clients/{id}}. */
  public record Route(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private HttpApi(Javalin app, List<Route> routes) {
    this.app = app;
    this.routes = routes;
  }

  /** Starts the API; returns once it listens. */
  public static HttpApi start(UseCases useCases, ErrorReporter reporter, HealthCheck health, HttpSettings settings) {
    return start(useCases, reporter, health, settings, RequestObserver.NONE);
  }

  /** As {@link #start(UseCases, ErrorReporter, HealthCheck, HttpSettings)}, telling {@code observer} of every request. */
  public static HttpApi start(UseCases useCases, ErrorReporter reporter, HealthCheck health, HttpSettings settings,
      RequestObserver observer) {
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(useCases, "useCases");
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(settings, "settings");
    List<Route> routes = Collections.synchronizedList(new ArrayList<>());
    Javalin app = Javalin.create(config -> {
      JavalinState state = config.unsafe;
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.prefer405over404 = true;
      config.http.maxRequestSize = Requests.MAX_BODY_BYTES;
      HttpLimits limits = settings.limits();
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(STOP_GRACE.toMillis());
        server.setErrorHandler(new ProblemErrorHandler());
        // Javalin puts its servlet inside: bodies are read before a thread is given to a request.
        server.setHandler(new BodyBuffering(Requests.MAX_BODY_BYTES, limits.bodyTimeout(), observer));
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
      });
      config.jetty.addConnector((server, httpConfiguration) -> {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addBean(new PerAddressConnectionLimit(limits.maxConnectionsPerAddress()));
        return connector;
      });
      config.events.handlerAdded(info -> {
        if (info.getHttpMethod().isHttpMethod() && info.getHttpMethod() != HandlerType.OPTIONS) {
          routes.add(new Route(info.getHttpMethod().name(), info.getPath()));
        }
      });
      if (!settings.corsOrigins().isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          if (settings.corsOrigins().contains("*")) {
            rule.anyHost();
          } else {
            settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
          }
          rule.exposeHeader("ETag");
          rule.exposeHeader("Location");
          rule.exposeHeader("Retry-After");
          rule.exposeHeader("RateLimit-Limit");
          rule.exposeHeader("RateLimit-Remaining");
          rule.exposeHeader("RateLimit-Reset");
          rule.exposeHeader("Idempotent-Replayed");
        }));
      }
      config.requestLogger.http((ctx, ms) -> RequestLog.completed(ctx, ms, observer));
      // Before anything else, so that every answer carries them, errors included.
      config.routes.before(HttpApi::securityHeaders);
      if (limits.rateLimit().on()) {
        // Next, before a body is parsed or a use case runs: a refused request costs nothing more.
        RateLimiter limiter = new RateLimiter(limits.rateLimit());
        config.routes.before(ctx -> rateLimit(limiter, limits.rateLimit(), ctx));
      }
      ApiRoutes.register(config.routes, useCases, health);
      config.routes.exception(CrmException.class, (e, ctx) -> coreProblem(useCases, e, ctx));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> httpProblem(useCases, state, e, ctx));
      config.routes.exception(Exception.class, (e, ctx) -> unexpected(useCases, reporter, e, ctx));
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      throw new IllegalStateException("the HTTP API could not listen on " + settings.host() + ":" + settings.port()
          + ": " + e.getMessage(), e);
    }
    LOG.info("HTTP API listening on http://{}:{}{}", settings.host(), app.port(), Registrar.PREFIX);
    return new HttpApi(app, List.copyOf(routes));
  }

  /** The port it listens on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Every endpoint registered, for checking the OpenAPI document against. */
  public List<Route> routes() {
    return routes;
  }

  /**
   * Stops accepting connections, lets requests in flight finish (up to {@link #STOP_GRACE}), then
   * releases the port. Safe to call twice.
   */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      app.stop();
      LOG.info("HTTP API stopped");
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-store");
  }

  /**
   * Counts the request against its credential's bucket (see {@link RateLimiter}) and says where the
   * bucket stands in the RateLimit-* headers (draft IETF RateLimit header fields); an empty bucket is
   * a 429 and nothing else runs. {@code /health} is never counted (a load balancer's probe must
   * not be refused), but is told where the caller's bucket stands too.
   */
  private static void rateLimit(RateLimiter limiter, HttpLimits.RateLimit limit, Context ctx) {
    String key = RateLimiter.keyOf(ctx.header("Authorization"), ctx.ip());
    RateLimiter.Decision decision = HEALTH_PATHS.contains(ctx.path()) ? limiter.peek(key) : limiter.take(key);
    ctx.header("RateLimit-Limit", Integer.toString(decision.limit()));
    ctx.header("RateLimit-Remaining", Long.toString(decision.remaining()));
    ctx.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    if (!decision.allowed()) {
      Responses.problem(ctx, ProblemMapper.rateLimited(limit.perSecond(), limit.burst(), decision.retryAfterSeconds()));
      ctx.skipRemainingHandlers();
    }
  }

  /** The core's error; an input error yields to a missing credential or a team refusal (order of checks). */
  private static void coreProblem(UseCases useCases, CrmException e, Context ctx) {
    CrmException first = e instanceof ValidationFailed ? TeamFirst.outranking(useCases, ctx) : null;
    Responses.problem(ctx, ProblemMapper.map(first != null ? first : e));
  }

  private static void httpProblem(UseCases useCases, JavalinState state, HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    CrmException first = status == 404 && !(e instanceof EndpointNotFound) ? TeamFirst.outranking(useCases, ctx) : null;
    if (first != null) {
      Responses.problem(ctx, ProblemMapper.map(first)); // an impossible id, asked by a team that may never act
      return;
    }
    String detail;
    if (e instanceof EndpointNotFound) {
      detail = "there is no endpoint at this path";
    } else if (status == 405) {
      detail = "this path does not accept " + ctx.method().name();
    } else {
      detail = e.getMessage(); // raised by this adapter with a message written for users
    }
    if (status == 413) {
      // The body is left unread: say so, or a client may reuse a connection the server drops.
      ctx.header("Connection", "close");
    }
    if (status == 405) {
      ctx.header("Allow", METHODS.stream()
          .filter(m -> !state.internalRouter.findHttpHandlerEntries(m, ctx.path()).isEmpty())
          .map(HandlerType::name).collect(Collectors.joining(", ")));
    }
    Responses.problem(ctx, ProblemMapper.forHttpStatus(status, detail));
  }

  /**
   * Anything outside the core's error family: reported to monitoring with the use case and (when
   * the token still resolves) the actor; the client sees only the reference.
   */
  private static void unexpected(UseCases useCases, ErrorReporter reporter, Exception e, Context ctx) {
    String useCase = Registrar.useCaseOf(ctx);
    String errorId;
    try {
      errorId = reporter.reportUnexpected(e, useCase, actorId(useCases, ctx));
    } catch (RuntimeException reportFailed) {
      errorId = "unreported";
      LOG.error("could not report an unexpected error", reportFailed);
    }
    ctx.attribute(RequestLog.ERROR_ID_ATTRIBUTE, errorId);
    LOG.error("unexpected error {} in {}", errorId, useCase, e);
    Responses.problem(ctx, ProblemMapper.unexpected(errorId));
  }

  private static Long actorId(UseCases useCases, Context ctx) {
    try {
      AuthToken token = Requests.token(ctx);
      return useCases.currentSession().current(token).me().id();
    } catch (RuntimeException unknown) {
      return null;
    }
  }
}
