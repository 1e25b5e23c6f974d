package com.epicevents.crm.core;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;

/**
 * Guice wiring of the core for the adapters: binds {@link UseCases} and the error reporter from
 * one {@link CrmCore}. The core itself carries no Guice annotation; only this module knows Guice.
 */
public final class CrmModule extends AbstractModule {
  private final CrmCore core;

  public CrmModule(CrmCore core) {
    this.core = Objects.requireNonNull(core);
  }

  @Provides
  @Singleton
  UseCases useCases() {
    return core.useCases();
  }

  @Provides
  @Singleton
  ErrorReporter errorReporter() {
    return core.errorReporter();
  }

  @Provides
  @Singleton
  CrmCore core() {
    return core;
  }
}
