package com.epicevents.crm.core;

import com.epicevents.crm.application.port.out.PasswordHasher;
import com.epicevents.crm.domain.error.ServiceBusy;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password hashing on a bounded executor: as many threads as cores but one, and a short queue. Argon2 is
 * built to take tens of milliseconds of CPU per check, so a burst of logins would otherwise take
 * every core and starve all other requests; here at most {@code threads} run at once, up to
 * {@code queue} more wait, and beyond that the check is refused at once with {@link ServiceBusy}
 * (HTTP 503 with {@code Retry-After: 1}). Callers hold no database connection or lock while they
 * wait (see {@code LogInService}).
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {
  /** Seconds a refused caller is asked to wait. */
  public static final long RETRY_AFTER_SECONDS = 1;

  private final PasswordHasher delegate;
  private final ThreadPoolExecutor executor;
  private final int queueCapacity;
  private final AtomicLong refused = new AtomicLong();

  public BoundedPasswordHasher(PasswordHasher delegate, int threads, int queueCapacity) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (threads < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException("threads must be at least 1 and the queue not negative");
    }
    this.queueCapacity = queueCapacity;
    AtomicInteger counter = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
        runnable -> {
          Thread thread = new Thread(runnable, "crm-password-hashing-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * One thread per core but one (at least one), so that a core is always left for the requests
   * that do not hash, and a queue of four per thread (at ~50 ms a check, 200 ms of waiting).
   */
  public static BoundedPasswordHasher sizedToTheCores(PasswordHasher delegate) {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    return new BoundedPasswordHasher(delegate, threads, 4 * threads);
  }

  @Override
  public String hash(char[] password) {
    return run(() -> delegate.hash(password));
  }

  @Override
  public boolean verify(char[] password, String encodedHash) {
    return run(() -> delegate.verify(password, encodedHash));
  }

  /** Reads the hash's parameters only: no hashing, runs in the caller. */
  @Override
  public boolean needsRehash(String encodedHash) {
    return delegate.needsRehash(encodedHash);
  }

  @Override
  public void requireCapacity() {
    if (executor.getQueue().remainingCapacity() == 0 && executor.getActiveCount() >= executor.getMaximumPoolSize()) {
      refused.incrementAndGet();
      throw new ServiceBusy(RETRY_AFTER_SECONDS);
    }
  }

  /** Checks running now. */
  public int active() {
    return executor.getActiveCount();
  }

  /** Checks waiting for a thread now. */
  public int queued() {
    return executor.getQueue().size();
  }

  public int threads() {
    return executor.getMaximumPoolSize();
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  /** Checks refused since the start because the queue was full. */
  public long refused() {
    return refused.get();
  }

  private <T> T run(Callable<T> work) {
    Future<T> future;
    try {
      future = executor.submit(work);
    } catch (RejectedExecutionException full) {
      refused.incrementAndGet();
      throw new ServiceBusy(RETRY_AFTER_SECONDS);
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a password was being checked", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
