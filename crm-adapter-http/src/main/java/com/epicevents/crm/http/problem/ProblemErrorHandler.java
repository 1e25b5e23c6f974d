package com.epicevents.crm.http.problem;

import com.epicevents.crm.http.json.Json;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a request it refuses before Javalin sees it: undecodable path, malformed
 * HTTP) as problem JSON with the security headers, instead of Jetty's HTML page. Jetty's message
 * is not echoed: only the status and its standard reason.
 */
public final class ProblemErrorHandler extends ErrorHandler {
  public static final String NOSNIFF = "nosniff";
  public static final String NO_STORE = "no-store";

  /** Every method gets the problem body: Jetty's default answers PUT, PATCH, DELETE... with a bare status. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    securityHeaders(headers);
    headers.put("Content-Type", "application/problem+json");
    response.write(true, ByteBuffer.wrap(illegalCharacter(code, message, cause) ? illegalCharacterBody() : body(code)),
        callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    securityHeaders(fields);
    fields.put("Content-Type", "application/problem+json");
    return ByteBuffer.wrap(illegalCharacter(status, reason, null) ? illegalCharacterBody() : body(status));
  }

  /**
   * A control character in a header value (an Idempotency-Key with one, say) is refused by the
   * parser before any header is attributed to a field: the header cannot be named, the reason can.
   */
  private static boolean illegalCharacter(int status, String message, Throwable cause) {
    if (status != 400) {
      return false;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Illegal character")) {
        return true;
      }
    }
    return message != null && message.contains("Illegal character");
  }

  private static byte[] illegalCharacterBody() {
    return Json.write(new Problem(ProblemType.HTTP_ERROR.uri(), HttpStatus.getMessage(400), 400,
        "the request holds a character HTTP does not allow, such as a control character in a header value",
        null, null, null, null));
  }

  private static void securityHeaders(HttpFields.Mutable headers) {
    headers.put("X-Content-Type-Options", NOSNIFF);
    headers.put("Cache-Control", NO_STORE);
  }

  private static byte[] body(int status) {
    if (status == ProblemType.PAYLOAD_TOO_LARGE.status()) {
      // refused while the body was still arriving: the same problem as the API's own 413
      return Json.write(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than 64 KiB"));
    }
    String reason = HttpStatus.getMessage(status);
    // Not a validation problem of the contract (no field to name): a generic HTTP problem.
    return Json.write(new Problem(ProblemType.HTTP_ERROR.uri(), reason, status,
        "the HTTP server could not read this request (" + reason + ")", null, null, null, null));
  }
}
