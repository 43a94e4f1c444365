package dev.migrate.snapshot;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@link Snapshot}s as JSON. The output is canonical: the model records sort their
 * contents, fields come in record-component order, absent values are left out, and the text ends
 * with a newline, so the same model always gives the same bytes.
 *
 * <p>Writing goes through Jackson's streaming {@link JsonGenerator} with its {@link
 * DefaultPrettyPrinter}, walking the records by their components: the text is the one Jackson's
 * {@code ObjectMapper} writes for the same records (field visibility, {@code NON_NULL}, indented),
 * without loading and configuring the data-binding layer, which dominated the model processor's
 * cost in {@code javac} ({@code bench/processor}). Reading uses the {@code ObjectMapper}, created
 * on first use; {@link #readClassNames} reads only the class lists, with the streaming parser.
 */
public final class SnapshotJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Lists left out when empty (not only when {@code null}), as {@code Record.component}: keeps
   * snapshots of models without rename hints, index {@code INCLUDE} columns or enum types as they
   * were before those existed.
   */
  private static final Set<String> LEFT_OUT_WHEN_EMPTY =
      Set.of(
          "Column.renamedFrom",
          "Table.renamedFrom",
          "Index.include",
          "Database.enumTypes",
          "Capture.problems",
          "Capture.members",
          "Capture.converterChecks",
          "ConverterCheck.constants");

  /** The components of each record class, in declaration order, as the writer needs them. */
  private static final ClassValue<List<Property>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
          List<Property> properties = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            MethodHandle accessor;
            try {
              accessor =
                  MethodHandles.publicLookup()
                      .unreflect(c.getAccessor())
                      .asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException e) {
              throw new IllegalStateException(
                  "cannot read " + type.getName() + "." + c.getName() + ": " + e, e);
            }
            properties.add(
                new Property(
                    c.getName(),
                    accessor,
                    LEFT_OUT_WHEN_EMPTY.contains(type.getSimpleName() + "." + c.getName())));
          }
          return List.copyOf(properties);
        }
      };

  /**
   * A record component: its name, its accessor typed {@code (Object) Object}, whether it is left
   * out when empty.
   */
  private record Property(String name, MethodHandle accessor, boolean leftOutWhenEmpty) {}

  /** The data-binding mapper, for reading: created when a whole snapshot is first read. */
  private static final class Mapper {
    static final ObjectMapper INSTANCE =
        JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }

  private SnapshotJson() {}

  /** The snapshot as canonical JSON text, ending with a newline. */
  public static String write(Snapshot snapshot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    try {
      write(snapshot, bytes);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write snapshot: " + e.getMessage(), e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes the snapshot to {@code out} as canonical JSON text in UTF-8, ending with a newline: the
   * bytes of {@link #write(Snapshot)}. Leaves {@code out} open.
   *
   * @throws IOException if {@code out} cannot be written
   */
  public static void write(Snapshot snapshot, OutputStream out) throws IOException {
    try (JsonGenerator generator =
        FACTORY
            .createGenerator(out, JsonEncoding.UTF8)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      generator.setPrettyPrinter(new DefaultPrettyPrinter());
      writeValue(generator, snapshot);
    }
    out.write('\n');
  }

  /**
   * One value as Jackson's {@code ObjectMapper} writes it: records as objects of their non-{@code
   * null} components, lists as arrays, enums by name.
   */
  private static void writeValue(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value instanceof Integer i) {
      generator.writeNumber(i);
    } else if (value instanceof Long l) {
      generator.writeNumber(l);
    } else if (value instanceof Enum<?> e) {
      generator.writeString(e.name());
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        writeValue(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Record record) {
      generator.writeStartObject();
      for (Property p : PROPERTIES.get(record.getClass())) {
        Object v = get(p, record);
        if (v != null && !(p.leftOutWhenEmpty() && v instanceof List<?> l && l.isEmpty())) {
          generator.writeFieldName(p.name());
          writeValue(generator, v);
        }
      }
      generator.writeEndObject();
    } else {
      throw new IllegalStateException(
          "no JSON form for a " + value.getClass().getName() + " in a snapshot");
    }
  }

  private static Object get(Property property, Record record) {
    try {
      return (Object) property.accessor().invokeExact((Object) record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(
          "cannot read " + record.getClass().getSimpleName() + "." + property.name() + ": " + e, e);
    }
  }

  /**
   * The class names a snapshot lists, read without its model.
   *
   * @param entities {@link Snapshot#entities()}
   * @param revisions the {@link Snapshot.RevisionEntry#className()}s of {@link
   *     Snapshot#revisions()}
   */
  public record ClassNames(List<String> entities, List<String> revisions) {}

  /**
   * Reads only the entity and revision class names of a snapshot, skipping its model with the
   * streaming parser: what the model processor needs of the previous snapshot on a partial
   * recompile.
   *
   * @param source where the text came from, for messages (a path or a resource name)
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if the text is not JSON, not an object,
   *     or of another format version
   */
  public static ClassNames readClassNames(String json, String source) {
    int lists = json.lastIndexOf(CLASS_LISTS);
    Integer leadingVersion = lists < 0 ? null : leadingFormatVersion(json);
    return leadingVersion == null
        ? classNames(json, null, source)
        : classNames("{" + json.substring(lists), leadingVersion, source);
  }

  /**
   * Where the class lists start in the layout {@link #write} gives: they are the last fields, after
   * the model, and a top-level field is the only thing that starts a line with exactly two spaces
   * and a quote (a JSON string holds no raw line break). Reading from there skips the megabytes of
   * a large model; text in another layout is read whole.
   */
  private static final String CLASS_LISTS = "\n  \"entities\" : ";

  /**
   * The format version when it is the text's first field, as {@link #write} puts it; else {@code
   * null}.
   */
  private static Integer leadingFormatVersion(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parser.nextToken() == JsonToken.START_OBJECT
              && parser.nextToken() == JsonToken.FIELD_NAME
              && parser.currentName().equals("formatVersion")
              && parser.nextToken() == JsonToken.VALUE_NUMBER_INT
          ? parser.getIntValue()
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The class lists of {@code json}; {@code formatVersion} if it has none of its own. */
  private static ClassNames classNames(String json, Integer formatVersion, String source) {
    List<String> entities = new ArrayList<>();
    List<String> revisions = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(parser, "not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        if (field.equals("formatVersion") && token == JsonToken.VALUE_NUMBER_INT) {
          formatVersion = parser.getIntValue();
        } else if (field.equals("entities") && token == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            entities.add(parser.getText());
          }
        } else if (field.equals("revisions") && token == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String name = parser.currentName();
              if (parser.nextToken() == JsonToken.VALUE_STRING && name.equals("className")) {
                revisions.add(parser.getText());
              } else {
                parser.skipChildren();
              }
            }
          }
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new JsonParseException(parser, "unexpected " + parser.currentToken());
      }
    } catch (IOException | RuntimeException e) {
      throw new MigrateException(
          ErrorCode.SNAPSHOT,
          "Cannot read the model snapshot "
              + source
              + ": "
              + e.getMessage()
              + "\nRebuild it with `mvn clean compile`.",
          e);
    }
    checkFormatVersion(formatVersion == null ? 0 : formatVersion, source);
    return new ClassNames(List.copyOf(entities), List.copyOf(revisions));
  }

  /**
   * Parses a snapshot.
   *
   * @param source where the text came from, for messages (a path or a resource name)
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if the text is not a snapshot or of
   *     another format version
   */
  public static Snapshot read(String json, String source) {
    Snapshot snapshot;
    try {
      snapshot = Mapper.INSTANCE.readValue(json, Snapshot.class);
    } catch (IOException | RuntimeException e) {
      throw new MigrateException(
          ErrorCode.SNAPSHOT,
          "Cannot read the model snapshot "
              + source
              + ": "
              + e.getMessage()
              + "\nRebuild it with `mvn clean compile`.",
          e);
    }
    checkFormatVersion(snapshot.formatVersion(), source);
    return snapshot;
  }

  private static void checkFormatVersion(int formatVersion, String source) {
    if (formatVersion < Snapshot.OLDEST_FORMAT_VERSION || formatVersion > Snapshot.FORMAT_VERSION) {
      throw new MigrateException(
          ErrorCode.SNAPSHOT,
          "The model snapshot "
              + source
              + " has format version "
              + formatVersion
              + "; this Migrate reads versions "
              + Snapshot.OLDEST_FORMAT_VERSION
              + " to "
              + Snapshot.FORMAT_VERSION
              + ".\nRebuild it with `mvn clean compile` using the same Migrate version as the plugin.");
    }
  }

  /** Reads a snapshot from a stream, which it closes. */
  public static Snapshot read(InputStream in, String source) {
    try (in) {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new MigrateException(ErrorCode.IO, "Cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code META-INF/migrate/model.json} under a class output directory, waiting up to {@link
   * ClassOutputReads#WAIT} while it is missing or unparsable (another build may be recompiling the
   * module): a missing or partial file is never read as an empty model.
   *
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if there is still no readable snapshot
   *     after the wait, naming the file and how to produce it, or if it has another format version
   */
  public static Snapshot readFromClassesDirectory(Path classesDirectory) {
    return readFromClassesDirectory(classesDirectory, ClassOutputReads.WAIT);
  }

  /**
   * {@link #readFromClassesDirectory(Path)}, waiting at most {@code wait} for a readable file.
   *
   * @param wait how long to try again while the file is missing, empty or unparsable; {@link
   *     Duration#ZERO} reads once
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if there is still no readable snapshot
   *     after the wait, or if it has another format version (at once)
   */
  public static Snapshot readFromClassesDirectory(Path classesDirectory, Duration wait) {
    Path file = classesDirectory.resolve(Snapshot.RESOURCE);
    try {
      return ClassOutputReads.retrying(wait, () -> readFile(file, wait));
    } catch (ClassOutputReads.NotReady e) {
      throw new MigrateException(ErrorCode.SNAPSHOT, e.getMessage(), e.getCause());
    }
  }

  /** One attempt at reading the snapshot file; only the format version check fails at once. */
  private static Snapshot readFile(Path file, Duration wait) throws ClassOutputReads.NotReady {
    String waited =
        wait.isZero() ? "" : " (waited " + wait.toMillis() + " ms for a compilation in progress)";
    String json;
    try {
      json = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ClassOutputReads.NotReady(
          "No model snapshot at "
              + file
              + waited
              + ".\n"
              + "Add dev.migrate:model-processor to the annotationProcessorPaths of maven-compiler-plugin (see the"
              + " README, 'What a project declares') and run `mvn clean compile`.",
          e);
    } catch (IOException e) {
      throw new ClassOutputReads.NotReady(
          "Cannot read the model snapshot " + file + waited + ": " + e + REBUILD, e);
    }
    if (json.isBlank()) {
      throw new ClassOutputReads.NotReady(
          "The model snapshot " + file + " is empty" + waited + REBUILD, null);
    }
    Snapshot snapshot;
    try {
      snapshot = Mapper.INSTANCE.readValue(json, Snapshot.class);
    } catch (IOException | RuntimeException e) {
      throw new ClassOutputReads.NotReady(
          "Cannot read the model snapshot " + file + waited + ": " + e.getMessage() + REBUILD, e);
    }
    checkFormatVersion(snapshot.formatVersion(), file.toString());
    return snapshot;
  }

  private static final String REBUILD = "\nRebuild it with `mvn clean compile`.";
}
