package dev.migrate.it;

import dev.migrate.it.harness.CompiledModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The model the processor supports today: the quickstart's entities and the type matrix. */
final class SmallModel {

  private SmallModel() {}

  static List<Path> sources() {
    List<Path> sources =
        new ArrayList<>(CompiledModel.sources(Path.of("src/test/resources/acceptance")));
    sources.addAll(
        CompiledModel.sources(Path.of("../examples/quickstart/src/main/java/com/acme/shop/model")));
    return sources;
  }
}
