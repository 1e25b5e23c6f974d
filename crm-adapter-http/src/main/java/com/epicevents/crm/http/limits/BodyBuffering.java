package com.epicevents.crm.http.limits;

import com.epicevents.crm.http.RequestLog;
import com.epicevents.crm.http.RequestObserver;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body without holding a thread, and only then hands the request to the
 * API (whose handlers read bodies with blocking calls). A client that sends its body slowly — one
 * byte every few seconds — thus costs a connection, never one of the threads that serve others.
 *
 * <ul>
 *   <li>The body must arrive completely within {@code bodyTimeout} of the headers: otherwise
 *       408 and the connection is closed. This is the minimum data rate: 64 KiB in 10 s is
 *       6.5 KB/s, and a small body has the same 10 s.
 *   <li>A body that ends before its {@code Content-Length}, or a malformed chunk: 400.
 *   <li>A chunked body larger than {@code maxBodyBytes}: 413. A declared length above it but at
 *       most {@value #DRAIN_LIMIT} bytes is read and dropped before the 413, so that a client
 *       still sending gets the answer rather than a reset connection; a larger declared length
 *       is left to the API, which refuses it without reading.
 * </ul>
 *
 * Errors are answered through the server's error handler (problem JSON with the security
 * headers) and logged at INFO by {@link RequestLog}: they are the client's doing, not unexpected.
 */
public final class BodyBuffering extends Handler.Wrapper {
  static final long DRAIN_LIMIT = 1024 * 1024;

  private final int maxBodyBytes;
  private final Duration bodyTimeout;
  private final RequestObserver observer;

  public BodyBuffering(int maxBodyBytes, Duration bodyTimeout, RequestObserver observer) {
    this.maxBodyBytes = maxBodyBytes;
    this.bodyTimeout = bodyTimeout;
    this.observer = observer;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (declared > maxBodyBytes && declared <= DRAIN_LIMIT) {
      new Accumulation(request, response, callback, true).start();
      return true;
    }
    if ((declared <= 0 && !chunked) || declared > maxBodyBytes) {
      return super.handle(request, response, callback);
    }
    new Accumulation(request, response, callback, false).start();
    return true;
  }

  /** One body being read: chunks are copied as they come; the request goes on once the last came. */
  private final class Accumulation {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final boolean draining;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private Scheduler.Task deadline;

    Accumulation(Request request, Response response, Callback callback, boolean draining) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.draining = draining;
    }

    void start() {
      deadline = request.getComponents().getScheduler().schedule(this::timeout, bodyTimeout.toMillis(),
          TimeUnit.MILLISECONDS);
      read();
    }

    private void timeout() {
      timedOut.set(true);
      request.fail(new TimeoutException("the request body did not arrive within " + bodyTimeout.toSeconds() + " s"));
    }

    private void read() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this::read);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          refuse(timedOut.get() ? 408 : 400, timedOut.get()
              ? "request body not received within " + bodyTimeout.toSeconds() + " s"
              : "request body incomplete or malformed (" + chunk.getFailure().getClass().getSimpleName() + ")");
          return;
        }
        if (draining) {
          boolean last = chunk.isLast();
          chunk.release();
          if (last) {
            refuse(413, "request body larger than " + maxBodyBytes + " bytes");
            return;
          }
          continue;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        if (body.size() + n > maxBodyBytes) {
          chunk.release();
          refuse(413, "request body larger than " + maxBodyBytes + " bytes");
          return;
        }
        byte[] copy = new byte[n];
        bytes.get(copy);
        body.write(copy, 0, n);
        boolean last = chunk.isLast();
        chunk.release();
        if (last) {
          complete();
          return;
        }
      }
    }

    private void complete() {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      deadline.cancel();
      Request buffered = new BufferedRequest(request, body.toByteArray());
      // Dispatched: the API blocks, and this may run on a thread that must never block.
      request.getComponents().getThreadPool().execute(() -> {
        try {
          if (!BodyBuffering.super.handle(buffered, response, callback)) {
            Response.writeError(buffered, response, callback, 404);
          }
        } catch (Throwable failure) {
          Response.writeError(buffered, response, callback, failure);
        }
      });
    }

    private void refuse(int status, String why) {
      if (!finished.compareAndSet(false, true)) {
        return;
      }
      deadline.cancel();
      RequestLog.refused(request.getMethod(), request.getHttpURI().getPath(), status, System.nanoTime() - startNanos,
          why, observer);
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      Response.writeError(request, response, callback, status);
    }
  }

  /** The request with its body already in memory: reads never wait. */
  private static final class BufferedRequest extends Request.Wrapper {
    private final byte[] body;
    private boolean consumed;

    BufferedRequest(Request wrapped, byte[] body) {
      super(wrapped);
      this.body = body;
    }

    @Override
    public long getLength() {
      return body.length;
    }

    @Override
    public synchronized Content.Chunk read() {
      if (consumed) {
        return Content.Chunk.EOF;
      }
      consumed = true;
      return Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public boolean consumeAvailable() {
      synchronized (this) {
        consumed = true;
      }
      return true;
    }

    @Override
    public void fail(Throwable failure) {
      // Nothing is pending: the body has been read.
    }
  }
}
