package com.epicevents.crm.bootstrap.cli;

import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.serve.ServeRunner;
import com.epicevents.crm.http.HttpSettings;
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
    CrmConfig config = main.config(host, port);
    RunningCrm crm = RunningCrm.open(config, POOL_SIZE);
    ServeRunner runner;
    try {
      runner = ServeRunner.start(crm.core(), crm.pool(), new HttpSettings(config.httpHost(), config.httpPort(), List.of(),
          config.operations().httpLimits()));
    } catch (RuntimeException e) {
      crm.close();
      throw new CliFailure("cannot start the HTTP API: " + e.getMessage());
    }
    main.environment().out().println("crm serve: listening on http://" + config.httpHost() + ":" + runner.port()
        + "/api/v1 (" + crm.databaseDescription() + "); Ctrl+C or SIGTERM stops it");
    main.environment().out().flush();
    runner.awaitStop();
    crm.close();
    return 0;
  }
}
