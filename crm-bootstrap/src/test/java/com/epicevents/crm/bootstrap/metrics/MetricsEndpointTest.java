package com.epicevents.crm.bootstrap.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.core.BoundedPasswordHasher;
import com.epicevents.crm.application.fake.FakePasswordHasher;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint on its own port: request, login, hashing and JVM metrics. */
class MetricsEndpointTest {

  @Test
  void requestsLoginsAndTheHashingQueueAreScrapedOnTheMetricsPortOnly() throws Exception {
    try (CrmMetrics metrics = new CrmMetrics();
         BoundedPasswordHasher hashing = new BoundedPasswordHasher(new FakePasswordHasher(), 1, 4)) {
      metrics.passwordHashing(hashing);
      metrics.completed("GET", "/api/v1/clients/{id}", 200, 2_000_000);
      metrics.completed("GET", "/api/v1/clients/{id}", 200, 4_000_000);
      metrics.completed("POST", "/api/v1/auth/login", 503, 1_000_000);
      metrics.audited(entry("LOGIN_FAILED"));
      metrics.audited(entry("LOCKED_OUT"));
      metrics.audited(entry("CREATED"));
      try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, metrics)) {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        for (String expected : List.of(
            "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/clients/{id}\",status=\"200\"} 2",
            "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/auth/login\",status=\"503\"} 1",
            "http_server_requests_seconds{method=\"GET\",route=\"/api/v1/clients/{id}\",status=\"200\",quantile=\"0.99\"}",
            "crm_logins_total{outcome=\"failed\"} 1", "crm_logins_total{outcome=\"locked_out\"} 1",
            "crm_password_hashing_queued 0", "crm_password_hashing_threads 1", "crm_password_hashing_queue_capacity 4",
            "crm_password_hashing_refused_total 0", "jvm_memory_used_bytes", "jvm_threads_live_threads",
            "process_uptime_seconds")) {
          assertTrue(scrape.body().contains(expected), () -> expected + " missing from\n" + scrape.body());
        }
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/other"))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
      }
    }
  }

  private static AuditEntry entry(String action) {
    return new AuditEntry(Instant.now(), null, action, EntityType.COLLABORATOR, null, Map.of());
  }
}
