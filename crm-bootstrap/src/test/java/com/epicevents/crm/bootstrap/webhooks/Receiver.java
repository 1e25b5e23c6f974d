package com.epicevents.crm.bootstrap.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on a free loopback port: records every request (headers and the exact
 * body bytes, with the time it arrived) and answers with the next planned status (204 once the
 * plan is used up).
 */
final class Receiver implements AutoCloseable {
  /** One request as received. */
  record Request(String path, Map<String, List<String>> headers, byte[] body, long receivedNanos) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** A planned answer: status, extra headers, body, and how long to hold it back. */
  record Answer(int status, Map<String, String> headers, byte[] body, Duration delay) {
    Answer(int status, Map<String, String> headers, byte[] body) {
      this(status, headers, body, Duration.ZERO);
    }

    static Answer status(int status) {
      return new Answer(status, Map.of(), new byte[0]);
    }

    /** Holds the request (the sender times out after 10 s), then answers 204. */
    static Answer hang(Duration delay) {
      return new Answer(204, Map.of(), new byte[0], delay);
    }
  }

  private final HttpServer server;
  private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
  private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Answer> plan = new ConcurrentLinkedQueue<>();

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
      received.add(new Request(exchange.getRequestURI().getPath(), headers, body, System.nanoTime()));
      Answer answer = plan.poll();
      if (answer == null) {
        answer = Answer.status(204);
      }
      if (!answer.delay().isZero()) {
        try {
          Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      if (answer.body().length == 0) {
        exchange.sendResponseHeaders(answer.status(), -1);
      } else {
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        } catch (IOException clientStoppedReading) {
          // the sender reads at most 4 KiB
        }
      }
      exchange.close();
    });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(Answer... answers) {
    plan.addAll(List.of(answers));
  }

  void answer(int... statuses) {
    for (int status : statuses) {
      plan.add(Answer.status(status));
    }
  }

  Request next(Duration wait) throws InterruptedException {
    Request r = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (r == null) {
      throw new AssertionError("the receiver got nothing within " + wait);
    }
    return r;
  }

  /** Everything received so far, without waiting. */
  List<Request> drain() {
    List<Request> all = new ArrayList<>();
    received.drainTo(all);
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
