package com.acme.app;

import com.acme.domain.Customer;

/** The application: it uses the domain's entities; its migrations live in com.acme.app.migrations. */
public final class Application {
  private Application() {}

  /** The entity class this application stores. */
  public static Class<?> entity() {
    return Customer.class;
  }
}
