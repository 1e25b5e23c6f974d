package com.epicevents.crm.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code crm serve [--host H] [--port P]}: the HTTP API. Not written yet; the HTTP work
 * replaces the body of {@link #call()}. The options are already those of the contract.
 */
@Command(name = "serve", description = "Run the HTTP API (default 127.0.0.1:8080) until SIGINT/SIGTERM.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "H", description = "address to listen on (default http.host, 127.0.0.1)")
  String host;

  @Option(names = "--port", paramLabel = "P", description = "port to listen on (default http.port, 8080)")
  String port;

  @Override
  public Integer call() {
    Main main = Main.of(spec);
    main.config(host, port); // a bad --host/--port is reported now, as it will be by the server
    main.environment().err().println("crm: the HTTP API (crm serve) is not available yet");
    return Failures.FAILURE;
  }
}
