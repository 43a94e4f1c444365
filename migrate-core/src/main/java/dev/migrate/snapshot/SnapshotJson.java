package dev.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.Index;
import dev.migrate.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@link Snapshot}s as JSON. The output is canonical: the model records sort their contents, fields
 * come in record-component order, absent values are left out, and the text ends with a newline, so the same model
 * always gives the same bytes.
 */
public final class SnapshotJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
      .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addMixIn(Column.class, HintsLeftOutWhenEmpty.class)
      .addMixIn(Table.class, HintsLeftOutWhenEmpty.class)
      .addMixIn(Index.class, IncludeLeftOutWhenEmpty.class)
      .addMixIn(Database.class, EnumTypesLeftOutWhenEmpty.class)
      .build();

  /** Keeps snapshots of models without rename hints as they were before hints existed. */
  private abstract static class HintsLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> renamedFrom;
  }

  private abstract static class IncludeLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> include;
  }

  private abstract static class EnumTypesLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<EnumType> enumTypes;
  }

  private SnapshotJson() {}

  /** The snapshot as canonical JSON text, ending with a newline. */
  public static String write(Snapshot snapshot) {
    try {
      return MAPPER.writeValueAsString(snapshot) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write snapshot: " + e.getMessage(), e);
    }
  }

  /**
   * Parses a snapshot.
   *
   * @param source where the text came from, for messages (a path or a resource name)
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if the text is not a snapshot or of another format version
   */
  public static Snapshot read(String json, String source) {
    Snapshot snapshot;
    try {
      snapshot = MAPPER.readValue(json, Snapshot.class);
    } catch (IOException | RuntimeException e) {
      throw new MigrateException(ErrorCode.SNAPSHOT, "Cannot read the model snapshot " + source + ": "
          + e.getMessage() + "\nRebuild it with `mvn clean compile`.", e);
    }
    if (snapshot.formatVersion() != Snapshot.FORMAT_VERSION) {
      throw new MigrateException(ErrorCode.SNAPSHOT, "The model snapshot " + source + " has format version "
          + snapshot.formatVersion() + "; this Migrate reads version " + Snapshot.FORMAT_VERSION
          + ".\nRebuild it with `mvn clean compile` using the same Migrate version as the plugin.");
    }
    return snapshot;
  }

  /** Reads a snapshot from a stream, which it closes. */
  public static Snapshot read(InputStream in, String source) {
    try (in) {
      return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code META-INF/migrate/model.json} under a class output directory.
   *
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if there is none, saying how to produce one
   */
  public static Snapshot readFromClassesDirectory(Path classesDirectory) {
    Path file = classesDirectory.resolve(Snapshot.RESOURCE);
    if (!Files.isRegularFile(file)) {
      throw new MigrateException(ErrorCode.SNAPSHOT, "No model snapshot at " + file + ".\n"
          + "Add dev.migrate:model-processor to the annotationProcessorPaths of maven-compiler-plugin (see the"
          + " README, 'What a project declares') and run `mvn compile`.");
    }
    try {
      return read(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
