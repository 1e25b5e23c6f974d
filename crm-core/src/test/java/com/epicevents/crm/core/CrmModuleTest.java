package com.epicevents.crm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.google.inject.AbstractModule;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CrmModuleTest {
  static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void everyUseCaseInterfaceIsInjectableFromTheDataSourceTheHostBinds() {
    Injector injector = Guice.createInjector(new AbstractModule() {
      @Override
      protected void configure() {
        bind(DataSource.class).toInstance(db.appDataSource());
      }
    }, CrmModule.usingBoundDataSource());

    UseCases useCases = injector.getInstance(UseCases.class);
    for (RecordComponent component : UseCases.class.getRecordComponents()) {
      Object injected = injector.getInstance(component.getType());
      assertNotNull(injected, component.getName());
      assertSame(readComponent(component, useCases), injected, component.getName());
    }
    assertEquals(30, UseCases.class.getRecordComponents().length, "a new use case is bound by the same loop");
    assertSame(injector.getInstance(CreateClientUseCase.class), injector.getInstance(CreateClientUseCase.class));
    assertSame(injector.getInstance(CrmCore.class).errorReporter(), injector.getInstance(ErrorReporter.class));
  }

  @Test
  void theModuleBuildsTheCoreFromADataSourceWithTheHostsOptions() {
    Clock fixed = Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC);
    ErrorReporter reporter = new ErrorReporter() {
      @Override
      public String reportUnexpected(Throwable error, String useCase, Long actorId) {
        return "ref-1";
      }

      @Override
      public void businessEvent(String message, java.util.Map<String, String> tags) {}
    };
    Injector injector = Guice.createInjector(
        CrmModule.using(db.appDataSource(), core -> core.clock(fixed).errorReporter(reporter).schema("crm")));

    assertSame(reporter, injector.getInstance(ErrorReporter.class));
    assertNotNull(injector.getInstance(ViewEventsUseCase.class));
  }

  @Test
  void aDatabaseThatIsNotMigratedStopsTheInjectionSayingWhatToRun() {
    Injector injector = Guice.createInjector(CrmModule.using(db.appDataSource(), core -> core.schema("not_migrated")));
    ProvisionException e = org.junit.jupiter.api.Assertions.assertThrows(ProvisionException.class,
        () -> injector.getInstance(CreateClientUseCase.class));
    assertTrue(e.getCause() instanceof SchemaNotReady, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("migrate()"), e.getCause().getMessage());
  }

  @Test
  void withoutADataSourceBindingTheInjectorSaysWhatIsMissing() {
    CreationException e = org.junit.jupiter.api.Assertions.assertThrows(CreationException.class,
        () -> Guice.createInjector(CrmModule.usingBoundDataSource()));
    assertTrue(e.getMessage().contains("DataSource"), e.getMessage());
  }

  private static Object readComponent(RecordComponent component, UseCases useCases) {
    try {
      return component.getAccessor().invoke(useCases);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
