package com.epicevents.crm.core;

import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Guice wiring of the core: binds {@link CrmCore}, {@link UseCases}, every use case interface
 * ({@code CreateClientUseCase}, {@code ViewEventsUseCase}…) and the {@link ErrorReporter}, all
 * singletons. The core itself carries no Guice annotation; only this module knows Guice (which the
 * host brings: it is an optional dependency of {@code crm-core}).
 *
 * <pre>{@code
 * // the host binds javax.sql.DataSource (connecting as the application role)
 * Injector injector = Guice.createInjector(hostModule, CrmModule.usingBoundDataSource());
 * // or from a DataSource at hand, with options
 * Guice.createInjector(CrmModule.using(dataSource, core -> core.clock(clock).schema("crm")));
 * }</pre>
 *
 * The core is built (and the schema version checked) when first injected.
 */
public final class CrmModule extends AbstractModule {
  private final CrmCore core;
  private final DataSource dataSource;
  private final UnaryOperator<CrmCore.Builder> options;

  /** Binds an already built core. */
  public CrmModule(CrmCore core) {
    this(Objects.requireNonNull(core, "core"), null, null);
  }

  private CrmModule(CrmCore core, DataSource dataSource, UnaryOperator<CrmCore.Builder> options) {
    this.core = core;
    this.dataSource = dataSource;
    this.options = options;
  }

  /** Builds the core on this {@code DataSource} with default options. */
  public static CrmModule using(DataSource dataSource) {
    return using(dataSource, UnaryOperator.identity());
  }

  /** Builds the core on this {@code DataSource}, the builder's options set by {@code options}. */
  public static CrmModule using(DataSource dataSource, UnaryOperator<CrmCore.Builder> options) {
    return new CrmModule(null, Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(options));
  }

  /** Builds the core on the {@code javax.sql.DataSource} the host binds, with default options. */
  public static CrmModule usingBoundDataSource() {
    return usingBoundDataSource(UnaryOperator.identity());
  }

  /** Builds the core on the {@code javax.sql.DataSource} the host binds, the builder's options set by {@code options}. */
  public static CrmModule usingBoundDataSource(UnaryOperator<CrmCore.Builder> options) {
    return new CrmModule(null, null, Objects.requireNonNull(options));
  }

  @Override
  protected void configure() {
    if (core != null) {
      bind(CrmCore.class).toInstance(core);
    } else {
      Provider<DataSource> source = dataSource != null ? () -> dataSource : getProvider(DataSource.class);
      bind(CrmCore.class).toProvider(new CoreProvider(source, options)).in(Singleton.class);
    }
    Provider<CrmCore> theCore = getProvider(CrmCore.class);
    bind(UseCases.class).toProvider(new Part<>(theCore, CrmCore::useCases)).in(Singleton.class);
    bind(ErrorReporter.class).toProvider(new Part<>(theCore, CrmCore::errorReporter)).in(Singleton.class);
    for (RecordComponent component : UseCases.class.getRecordComponents()) {
      bindUseCase(component.getType(), component.getAccessor(), theCore);
    }
  }

  private <T> void bindUseCase(Class<T> type, Method accessor, Provider<CrmCore> theCore) {
    bind(type).toProvider(new Part<>(theCore, c -> type.cast(invoke(accessor, c.useCases())))).in(Singleton.class);
  }

  private static Object invoke(Method accessor, UseCases useCases) {
    try {
      return accessor.invoke(useCases);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor.getName() + " of UseCases", e);
    }
  }

  private record CoreProvider(Provider<DataSource> dataSource, UnaryOperator<CrmCore.Builder> options)
      implements Provider<CrmCore> {
    @Override
    public CrmCore get() {
      return options.apply(CrmCore.builder(dataSource.get())).build();
    }
  }

  private record Part<T>(Provider<CrmCore> core, java.util.function.Function<CrmCore, T> part) implements Provider<T> {
    @Override
    public T get() {
      return part.apply(core.get());
    }
  }
}
