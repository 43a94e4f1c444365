package dev.migrate.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the Java that the generator writes the way google-java-format 1.28 does, so that a
 * generated migration class passes a project's {@code spotless:check} or {@code google-java-format
 * --dry-run} as it is written.
 *
 * <p>It knows only the shapes the generator emits: one statement of calls, dotted chains and
 * literals ({@code op.inSchema("s").createTable(table("t", column("id", bigint()).notNull()))}),
 * the {@code @Revision} annotation, {@code //} comments and Javadoc paragraphs. Its rules are
 * google-java-format's (the Google Java Style Guide, section 4.5, and the formatter's {@code Doc}
 * levels):
 *
 * <ul>
 *   <li>lines hold at most {@value #COLUMNS} characters; a continuation is indented {@value
 *       #CONTINUATION} more;
 *   <li>an argument list that does not fit (with what follows it up to the next possible break)
 *       breaks after its {@code (}; if its arguments then still do not fit on one line, each goes
 *       on a line of its own;
 *   <li>a chain of calls that does not fit breaks before each {@code .}, except in its prefix: a
 *       variable with its first call ({@code op.inSchema("s")}), or a leading call ({@code
 *       column("id", bigint())});
 *   <li>a string literal that still passes the limit is split at spaces into {@code "..." + "
 *       ..."};
 *   <li>a {@code //} comment and a Javadoc paragraph are filled word by word to the limit.
 * </ul>
 *
 * <p>{@code CodegenGoogleStyleTest} runs google-java-format itself over every golden file and over
 * generated classes of random ops, and fails on any difference.
 */
final class GoogleStyle {

  /** The column limit of google-java-format. */
  static final int COLUMNS = 100;

  /** The indent of a continuation line, relative to the line it continues. */
  static final int CONTINUATION = 4;

  private GoogleStyle() {}

  /**
   * Lays out one statement, given on one line ({@code op.createTable(table("t", ...));}), or an
   * annotation ({@code @Revision(id = "a1", message = "m")}), that starts at column {@code indent}.
   * Whitespace between tokens does not matter, and string literals joined by {@code +} count as
   * one.
   *
   * @return the statement's lines joined with {@code \n}, the first without indentation and the
   *     others indented relative to the first (the caller indents all of them by {@code indent})
   * @throws IllegalArgumentException if {@code flat} is not made of calls, chains and literals
   */
  static String statement(String flat, int indent) {
    List<Doc> docs = new ArrayList<>(new Parser(flat).sequence());
    return render(new Level(0, docs), indent);
  }

  /**
   * {@code text} as {@code //} comment lines at column {@code indent}, filled word by word to the
   * limit (a word longer than a line stands alone).
   *
   * @return the lines, each starting with {@code // } and without the indentation
   */
  static List<String> lineComment(String text, int indent) {
    return fill(text.strip(), COLUMNS - indent - 3).stream().map(line -> "// " + line).toList();
  }

  /**
   * {@code text} filled word by word for a Javadoc comment whose text starts {@code indent} columns
   * after {@code " * "}: each returned line goes after that prefix.
   */
  static List<String> javadocParagraph(String text, int indent) {
    return fill(text.strip(), COLUMNS - indent - 3);
  }

  // -----------------------------------------------------------------------------------------------
  // layout

  /**
   * A piece of the statement: text, a place it may break, or a group of those that breaks together.
   */
  private sealed interface Doc permits Text, Break, Level {
    int width();
  }

  private record Text(String text) implements Doc {
    @Override
    public int width() {
      return text.length();
    }
  }

  /** A line break when its level is broken, {@code flat} otherwise. */
  private record Break(String flat) implements Doc {
    @Override
    public int width() {
      return flat.length();
    }
  }

  /**
   * A group whose breaks are all taken or none; broken, it indents its lines {@code plus} more. A
   * {@code forced} level is always broken.
   */
  private record Level(int plus, List<Doc> docs, boolean forced) implements Doc {
    Level(int plus, List<Doc> docs) {
      this(plus, docs, false);
    }

    @Override
    public int width() {
      return forced ? COLUMNS + 1 : docs.stream().mapToInt(Doc::width).sum();
    }
  }

  private static String render(Level root, int indent) {
    Printer printer = new Printer(indent);
    printer.level(root, indent, 0);
    return printer.out.toString();
  }

  /**
   * Writes docs, choosing per level between one line and broken, as google-java-format's levels do.
   */
  private static final class Printer {
    private final StringBuilder out = new StringBuilder();
    private final int start;
    private int column;

    Printer(int start) {
      this.start = start;
      this.column = start;
    }

    /**
     * Writes {@code level}, whose breaks indent to {@code outer + level.plus}, followed on its last
     * line by {@code trailing} characters that cannot move to another line.
     */
    void level(Level level, int outer, int trailing) {
      if (column + level.width() + trailing <= COLUMNS) {
        flat(level);
        return;
      }
      int indent = outer + level.plus();
      List<Doc> docs = level.docs();
      for (int i = 0; i < docs.size(); i++) {
        Doc doc = docs.get(i);
        if (doc instanceof Level inner) {
          level(inner, indent, untilBreak(docs, i + 1, trailing));
        } else if (doc instanceof Break) {
          newline(indent);
        } else {
          String text = ((Text) doc).text();
          int after = untilBreak(docs, i + 1, trailing);
          if (text.startsWith("\"") && column + text.length() + after > COLUMNS) {
            stringLiteral(text, after);
          } else {
            text(text);
          }
        }
      }
    }

    private void flat(Doc doc) {
      if (doc instanceof Level level) {
        level.docs().forEach(this::flat);
      } else {
        text(doc instanceof Break b ? b.flat() : ((Text) doc).text());
      }
    }

    /**
     * A string literal that passes the limit, split before spaces into {@code "..." + " ..."} as
     * google-java-format's {@code StringWrapper} does: each piece holds as many words as fit, the
     * continuation lines start with {@code + } four columns right of the literal.
     */
    private void stringLiteral(String literal, int trailing) {
      List<String> words = literalWords(literal.substring(1, literal.length() - 1));
      if (words.size() < 2) {
        text(literal);
        return;
      }
      int literalColumn = column;
      boolean first = true;
      int next = 0;
      while (next < words.size()) {
        int width = COLUMNS - (first ? column : literalColumn + CONTINUATION + 2) - 2;
        StringBuilder piece = new StringBuilder(words.get(next++));
        while (next < words.size()
            && !piece.toString().endsWith("\\n")
            && piece.length() + words.get(next).length() + (next == words.size() - 1 ? trailing : 0)
                <= width) {
          piece.append(words.get(next++));
        }
        if (!first) {
          newline(literalColumn + CONTINUATION);
          text("+ ");
        }
        text("\"" + piece + "\"");
        first = false;
      }
    }

    private void text(String text) {
      out.append(text);
      column += text.length();
    }

    private void newline(int indent) {
      out.append('\n').append(" ".repeat(indent - start));
      column = indent;
    }

    /**
     * The width of {@code docs} from {@code from} up to the next break of this level, plus the
     * outer trailing.
     */
    private static int untilBreak(List<Doc> docs, int from, int trailing) {
      int width = 0;
      for (int i = from; i < docs.size(); i++) {
        if (docs.get(i) instanceof Break) {
          return width;
        }
        width += docs.get(i).width();
      }
      return width + trailing;
    }
  }

  /** {@code (a, b, c)}: breaks after the parenthesis first, then between all arguments. */
  private static Level arguments(List<Doc> elements) {
    return arguments(elements, false);
  }

  /**
   * As {@link #arguments(List)}; {@code forced}, one argument per line whatever the width
   * (google-java-format does that for the members of an annotation when one of them is an array).
   */
  private static Level arguments(List<Doc> elements, boolean forced) {
    List<Doc> docs = new ArrayList<>();
    docs.add(new Text("("));
    if (!elements.isEmpty()) {
      docs.add(new Break(""));
      docs.add(new Level(0, elements, forced));
    }
    docs.add(new Text(")"));
    return new Level(CONTINUATION, docs, forced);
  }

  // -----------------------------------------------------------------------------------------------
  // parsing

  /** Reads the generator's one-line Java into docs; see the class comment for the shapes. */
  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    /** Expressions up to the end, and a final {@code ;} if present. */
    List<Doc> sequence() {
      List<Doc> docs = new ArrayList<>(expression());
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == ';') {
        docs.add(new Text(";"));
        pos++;
      }
      skipSpaces();
      if (pos != text.length()) {
        throw error("unexpected text");
      }
      return docs;
    }

    /**
     * A primary followed by {@code .name} or {@code .name(...)} segments, as a chain level when it
     * can break.
     */
    private List<Doc> expression() {
      skipSpaces();
      List<Doc> prefix = new ArrayList<>();
      char c = text.charAt(pos);
      boolean variable = false;
      if (c == '"') {
        prefix.add(new Text(concatenation()));
      } else if (c == '\'' || c == '-' || Character.isDigit(c)) {
        prefix.add(new Text(literal()));
      } else if (c == '{') {
        prefix.add(new Text(braces()));
      } else {
        String name = identifier();
        if (name.equals("new")) {
          name = "new " + identifier();
        }
        if (peek('=')) {
          // an annotation member, key = value
          pos++;
          List<Doc> member = new ArrayList<>();
          member.add(new Text(name + " = "));
          member.addAll(expression());
          return member;
        }
        if (peek('(')) {
          prefix.add(new Text(name));
          prefix.add(callArguments(name.startsWith("@")));
        } else {
          // a variable (op) or a class name (Identity.ALWAYS): its first segment stays with it
          prefix.add(new Text(name));
          variable = true;
        }
      }
      List<List<Doc>> segments = new ArrayList<>();
      while (peek('.')) {
        pos++;
        List<Doc> segment = new ArrayList<>();
        segment.add(new Text("." + identifier()));
        if (peek('(')) {
          segment.add(callArguments(false));
        }
        segments.add(segment);
      }
      if (variable && !segments.isEmpty()) {
        prefix.addAll(segments.remove(0));
      }
      if (segments.isEmpty()) {
        return prefix;
      }
      List<Doc> chain = new ArrayList<>(prefix);
      for (List<Doc> segment : segments) {
        chain.add(new Break(""));
        chain.addAll(segment);
      }
      return List.of(new Level(CONTINUATION, chain));
    }

    /**
     * {@code (...)}; for an {@code annotation}, one member per line when one of them is an array.
     */
    private Level callArguments(boolean annotation) {
      expect('(');
      boolean array = false;
      List<Doc> elements = new ArrayList<>();
      skipSpaces();
      if (!peek(')')) {
        while (true) {
          List<Doc> element = expression();
          array |= element.stream().anyMatch(d -> d instanceof Text t && t.text().startsWith("{"));
          elements.addAll(element);
          skipSpaces();
          if (peek(',')) {
            pos++;
            elements.add(new Text(","));
            elements.add(new Break(" "));
          } else {
            break;
          }
        }
      }
      skipSpaces();
      expect(')');
      return arguments(elements, annotation && array);
    }

    private String identifier() {
      skipSpaces();
      int from = pos;
      if (pos < text.length() && text.charAt(pos) == '@') {
        pos++;
      }
      while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos))) {
        pos++;
      }
      if (from == pos) {
        throw error("expected a name");
      }
      return text.substring(from, pos);
    }

    /** A string, char or number literal, as written. */
    private String literal() {
      int from = pos;
      char quote = text.charAt(pos);
      if (quote == '"' || quote == '\'') {
        pos++;
        while (text.charAt(pos) != quote) {
          pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
      } else {
        pos++;
        while (pos < text.length()
            && (Character.isLetterOrDigit(text.charAt(pos))
                || text.charAt(pos) == '.'
                || text.charAt(pos) == '_')) {
          pos++;
        }
      }
      return text.substring(from, pos);
    }

    /**
     * A string literal, or several joined by {@code +} (JavaPoet splits a string after each
     * newline), as one.
     */
    private String concatenation() {
      String literal = literal();
      while (true) {
        int mark = pos;
        skipSpaces();
        if (pos + 1 < text.length() && text.charAt(pos) == '+') {
          pos++;
          skipSpaces();
          if (pos < text.length() && text.charAt(pos) == '"') {
            String next = literal();
            literal = literal.substring(0, literal.length() - 1) + next.substring(1);
            continue;
          }
        }
        pos = mark;
        return literal;
      }
    }

    /** An array initializer {@code {"a", "b"}}, kept on one line. */
    private String braces() {
      int from = pos;
      int depth = 0;
      do {
        char c = text.charAt(pos);
        if (c == '"') {
          literal();
          continue;
        }
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        pos++;
      } while (depth > 0);
      return text.substring(from, pos);
    }

    private boolean peek(char c) {
      skipSpaces();
      return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + pos + " of generated code: " + text);
    }
  }

  // -------------------------------------------------------------------------------------------------- fill

  /**
   * The words of a literal's content: split before each space (the space starts the next word) and
   * after each {@code \\n} escape (which ends a line of the split literal).
   */
  private static List<String> literalWords(String content) {
    List<String> words = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\\') {
        i++;
        if (i < content.length() && content.charAt(i) == 'n' && i + 1 < content.length()) {
          words.add(content.substring(from, i + 1));
          from = i + 1;
        }
      } else if (c == ' ' && i > from && content.charAt(i - 1) != ' ') {
        words.add(content.substring(from, i));
        from = i;
      }
    }
    if (from < content.length()) {
      words.add(content.substring(from));
    }
    return words;
  }

  /**
   * Words of {@code text}, split at spaces (inside inline tags such as {@code {@code a b}} too, as
   * google-java-format's Javadoc formatter does), in lines of at most {@code width}.
   */
  private static List<String> fill(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : words(text)) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static List<String> words(String text) {
    return List.of(text.split(" +"));
  }
}
