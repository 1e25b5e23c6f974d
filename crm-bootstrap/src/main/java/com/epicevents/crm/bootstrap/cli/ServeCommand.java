package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.config.OperationsConfig;
import com.epicevents.crm.bootstrap.logging.LogFormat;
import com.epicevents.crm.bootstrap.metrics.CrmMetrics;
import com.epicevents.crm.bootstrap.metrics.MetricsEndpoint;
import com.epicevents.crm.bootstrap.serve.ServeRunner;
import com.epicevents.crm.http.HttpLimits;
import com.epicevents.crm.http.HttpSettings;
import com.epicevents.crm.http.RequestObserver;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm serve [--host H] [--port P]}: the HTTP API on the configured database until
 * SIGINT/SIGTERM; then requests in flight finish, monitoring is flushed and the pool closed.
 */
@Command(name = "serve", description = "Run the HTTP API (default 127.0.0.1:8080) until SIGINT/SIGTERM.")
final class ServeCommand implements Callable<Integer> {
  static final int POOL_SIZE = 16;

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "H", description = "address to listen on (default http.host, 127.0.0.1)")
  String host;

  @Option(names = "--port", paramLabel = "P", description = "port to listen on (default http.port, 8080)")
  String port;

  @Override
  public Integer call() throws InterruptedException {
    Main main = Main.of(spec);
    CrmConfig config = Secrets.ensureWebhookKey(main.config(host, port), () -> main.config(host, port));
    OperationsConfig operations = config.operations();
    LogFormat.apply(operations.logFormat());
    CrmMetrics metrics = operations.metricsOn() ? new CrmMetrics() : null;
    RunningCrm crm = RunningCrm.open(config, POOL_SIZE, metrics == null ? entry -> { } : metrics::audited);
    ServeRunner runner;
    MetricsEndpoint metricsEndpoint = null;
    try {
      if (metrics != null) {
        metrics.pool(crm.pool()).passwordHashing(crm.core().passwordHashing());
        metricsEndpoint = MetricsEndpoint.start(operations.metricsHost(), operations.metricsPort(), metrics);
      }
      runner = ServeRunner.start(crm.core(), crm.pool(), new HttpSettings(config.httpHost(), config.httpPort(), List.of(),
          operations.httpLimits()), metrics == null ? RequestObserver.NONE : metrics);
    } catch (RuntimeException e) {
      if (metricsEndpoint != null) {
        metricsEndpoint.close();
      }
      crm.close();
      throw new CliFailure("cannot start the HTTP API: " + e.getMessage());
    }
    main.environment().out().println("crm serve: listening on http://" + config.httpHost() + ":" + runner.port()
        + "/api/v1 (" + crm.databaseDescription() + "); Ctrl+C or SIGTERM stops it");
    HttpLimits.RateLimit rate = operations.httpLimits().rateLimit();
    main.environment().out().println(rate.on()
        ? "crm serve: rate limit " + rate.perSecond() + " requests/s per credential, bursts of " + rate.burst()
            + " (http.rate-limit.per-second, http.rate-limit.burst)"
        : "crm serve: rate limit off (http.rate-limit.per-second or http.rate-limit.burst is 0)");
    int concurrency = operations.databaseConcurrency();
    main.environment().out().println(concurrency == 0
        ? "crm serve: no limit on database work at once (db.concurrency is 0)"
        : "crm serve: at most " + concurrency + " units of database work at once, the others in arrival order"
            + " (db.concurrency)");
    if (metricsEndpoint != null) {
      main.environment().out().println("crm serve: metrics at http://" + operations.metricsHost() + ":"
          + metricsEndpoint.port() + MetricsEndpoint.PATH);
    }
    main.environment().out().flush();
    runner.awaitStop();
    if (metricsEndpoint != null) {
      metricsEndpoint.close();
      metrics.close();
    }
    crm.close();
    return 0;
  }
}
