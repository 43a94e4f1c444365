package dev.migrate.dialect.postgres;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Connection} wrapper that counts the statements executed through it (every {@code
 * execute*} call on a {@link Statement} it created, prepared or not), so that tests can assert how
 * many round trips an operation costs.
 */
final class QueryCounter {

  private final AtomicInteger count = new AtomicInteger();

  /**
   * {@code connection}, counting into this counter; closing the wrapper closes {@code connection}.
   */
  Connection wrap(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            forwarding(
                connection,
                (method, result) -> {
                  if (result instanceof Statement statement) {
                    Class<?> type = method.getReturnType();
                    return Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        forwarding(statement, (m, r) -> r, true));
                  }
                  return result;
                },
                false));
  }

  /** Statements executed so far. */
  int count() {
    return count.get();
  }

  private interface ResultMapper {
    Object map(Method method, Object result);
  }

  private InvocationHandler forwarding(Object target, ResultMapper mapper, boolean counting) {
    return (proxy, method, args) -> {
      if (counting && method.getName().startsWith("execute")) {
        count.incrementAndGet();
      }
      try {
        return mapper.map(method, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }
}
