package dev.migrate.dialect.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison form for SQL expressions (check constraints, column defaults), so that what a model
 * says and what PostgreSQL's deparser ({@code pg_get_constraintdef}, {@code pg_get_expr}) gives
 * back for it compare equal.
 *
 * <p>The expression is parsed with PostgreSQL's operator precedence (docs, 4.1.6 "Operator
 * Precedence") and printed back in one canonical spelling: key words and unquoted names lower case,
 * one space between tokens, every compound operand in parentheses, type casts removed. On top, the
 * rewrites PostgreSQL's parser performs are applied to both sides (parse_expr.c, {@code
 * transformAExprIn}, {@code transformAExprBetween}):
 *
 * <ul>
 *   <li>{@code x = ANY (ARRAY[a, b])} is written {@code x IN (a, b)} and {@code x <> ALL (ARRAY[a,
 *       b])} is {@code x NOT IN (a, b)}; a one-element {@code IN} is {@code =} ({@code NOT IN}:
 *       {@code <>});
 *   <li>{@code x BETWEEN a AND b} is {@code (x >= a) AND (x <= b)}, {@code NOT BETWEEN} is {@code
 *       (x < a) OR (x > b)};
 *   <li>{@code LIKE}/{@code ILIKE} (and {@code NOT}) are the operators {@code ~~}, {@code ~~*},
 *       {@code !~~}, {@code !~~*}; {@code !=} is {@code <>}; {@code ISNULL}/{@code NOTNULL} are
 *       {@code IS [NOT] NULL};
 *   <li>a string literal cast to a numeric type whose text is a number is that number ({@code
 *       '-5'::integer} is how PostgreSQL stores {@code -5}); {@code -} before a number literal is
 *       part of the literal;
 *   <li>nested {@code AND}s and {@code OR}s are flattened (both are associative);
 *   <li>a string literal spelling a date or a timestamp without time zone in ISO form is written as
 *       PostgreSQL's output function writes the value, less a midnight time ({@link
 *       #dateTimeLiteral}).
 * </ul>
 *
 * <p>Text the parser does not understand (special function syntax such as {@code EXTRACT(... FROM
 * ...)}, {@code COLLATE}, sub-selects) falls back to a token-level form: casts stripped,
 * parentheses dropped, key words lower case, whitespace collapsed; good enough to equate spellings
 * that differ only in casts and layout.
 *
 * <p>It is one file (about 1,000 lines) because it is one idea: a tokenizer, a precedence parser
 * and a printer of the same small expression tree, whose rewrites only make sense together; split,
 * each part would have to expose the tree to the others.
 */
final class PostgresExpressions {

  private PostgresExpressions() {}

  /** The comparison form of {@code expression}; {@code null} for {@code null}. */
  static String normalize(String expression) {
    if (expression == null) {
      return null;
    }
    List<Token> tokens;
    try {
      tokens = tokenize(expression);
    } catch (Unsupported e) {
      return expression.trim().replaceAll("\\s+", " ");
    }
    try {
      Parser parser = new Parser(tokens);
      Node node = parser.parse(0);
      parser.expect(Kind.END, null);
      return node.print();
    } catch (Unsupported | IndexOutOfBoundsException e) {
      // Syntax this parser does not model, or text that is not an expression at all (the catalog
      // never gives
      // such text, a hand-written model might): compare it token by token.
      return flat(tokens);
    }
  }

  // ================================================================================================== tokens

  private enum Kind {
    /** Unquoted name or key word, lower-cased. */
    WORD,
    /** A double-quoted identifier, value without the quotes. */
    QUOTED,
    /** A string constant, as written (quotes and any {@code E} prefix included). */
    STRING,
    NUMBER,
    OPERATOR,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    CAST,
    END
  }

  private record Token(Kind kind, String text) {

    boolean is(Kind kind, String text) {
      return this.kind == kind && (text == null || this.text.equals(text));
    }

    boolean isWord(String word) {
      return kind == Kind.WORD && text.equals(word);
    }
  }

  /** Thrown where the expression uses syntax this parser does not model; the caller falls back. */
  private static final class Unsupported extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  private static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        int start = i;
        i = c == '\'' ? i + 1 : i + 2;
        boolean escapes = c != '\'';
        while (true) {
          if (i >= n) {
            throw new Unsupported("unterminated string");
          }
          char d = sql.charAt(i);
          if (escapes && d == '\\') {
            i += 2;
          } else if (d == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
            i += 2;
          } else if (d == '\'') {
            i++;
            break;
          } else {
            i++;
          }
        }
        String text = sql.substring(start, i);
        tokens.add(
            new Token(Kind.STRING, escapes ? "E" + text.substring(1) : dateTimeLiteral(text)));
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw new Unsupported("unterminated quoted identifier");
          }
          char d = sql.charAt(i);
          if (d == '"' && i + 1 < n && sql.charAt(i + 1) == '"') {
            name.append('"');
            i += 2;
          } else if (d == '"') {
            i++;
            break;
          } else {
            name.append(d);
            i++;
          }
        }
        tokens.add(new Token(Kind.QUOTED, name.toString()));
      } else if (Character.isDigit(c)
          || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int start = i;
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
          int save = i;
          i++;
          if (i < n && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
            i++;
          }
          if (i < n && Character.isDigit(sql.charAt(i))) {
            while (i < n && Character.isDigit(sql.charAt(i))) {
              i++;
            }
          } else {
            i = save;
          }
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(start, i).toLowerCase(Locale.ROOT)));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT)));
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        tokens.add(new Token(Kind.CAST, "::"));
        i += 2;
      } else if (c == '(') {
        tokens.add(new Token(Kind.LPAREN, "("));
        i++;
      } else if (c == ')') {
        tokens.add(new Token(Kind.RPAREN, ")"));
        i++;
      } else if (c == '[') {
        tokens.add(new Token(Kind.LBRACKET, "["));
        i++;
      } else if (c == ']') {
        tokens.add(new Token(Kind.RBRACKET, "]"));
        i++;
      } else if (c == ',') {
        tokens.add(new Token(Kind.COMMA, ","));
        i++;
      } else if (c == '.') {
        tokens.add(new Token(Kind.DOT, "."));
        i++;
      } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
        int start = i;
        while (i < n && OPERATOR_CHARS.indexOf(sql.charAt(i)) >= 0) {
          if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
            break;
          }
          i++;
        }
        if (i == start) {
          throw new Unsupported("comment");
        }
        String op = sql.substring(start, i);
        // scan.l: a multi-character operator cannot end in + or - unless it contains one of ~ ! @ #
        // % ^ & | ` ?,
        // so that "x>-5" is "x > -5".
        while (op.length() > 1
            && (op.endsWith("+") || op.endsWith("-"))
            && !op.matches(".*[~!@#%^&|`?].*")) {
          op = op.substring(0, op.length() - 1);
        }
        i = start + op.length();
        tokens.add(new Token(Kind.OPERATOR, op.equals("!=") ? "<>" : op));
      } else {
        throw new Unsupported("character " + c);
      }
    }
    tokens.add(new Token(Kind.END, ""));
    return tokens;
  }

  /**
   * A date or timestamp without time zone in ISO form ({@code 2000-01-01}, {@code 2000-01-01
   * 00:00:00.500}, also with {@code T}); group 1 the date, 2 the time of day, 3 the fraction
   * digits.
   */
  private static final Pattern ISO_DATE_TIME =
      Pattern.compile("'(\\d{4}-\\d{2}-\\d{2})(?:[ T](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d+))?)?'");

  /**
   * A quoted literal that spells a date or a timestamp without time zone in ISO form, in one
   * spelling per value: the date alone when the time is midnight, else the time with the fraction's
   * trailing zeros dropped. PostgreSQL stores {@code c > '2000-01-01'} on a {@code timestamp}
   * column as {@code c > '2000-01-01 00:00:00'::timestamp without time zone} (a constant is
   * converted to the column's type and printed by the type's output function, docs 4.1.2.7 and
   * 8.5.2), so both sides must read alike; the model's literal has no type to say which output
   * function applies, hence the rule applies to every literal of that shape. The one imprecision:
   * text columns compared with such a literal ({@code t = '2000-01-01 00:00:00'} and {@code t =
   * '2000-01-01'} compare equal although the strings differ). Literals with a zone offset
   * (timestamp with time zone) are left as they are: their stored spelling depends on the session's
   * {@code TimeZone}.
   */
  static String dateTimeLiteral(String literal) {
    Matcher m = ISO_DATE_TIME.matcher(literal);
    if (!m.matches() || m.group(2) == null) {
      return literal;
    }
    String fraction = m.group(3) == null ? "" : m.group(3).replaceAll("0+$", "");
    if (m.group(2).equals("00:00:00") && fraction.isEmpty()) {
      return "'" + m.group(1) + "'";
    }
    return "'" + m.group(1) + " " + m.group(2) + (fraction.isEmpty() ? "" : "." + fraction) + "'";
  }

  /** The fallback form: tokens joined by single spaces, casts and parentheses dropped. */
  private static String flat(List<Token> tokens) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.CAST) {
        i = skipTypeName(tokens, i + 1);
        continue;
      }
      if (t.kind() != Kind.LPAREN && t.kind() != Kind.RPAREN && t.kind() != Kind.END) {
        out.add(t.kind() == Kind.QUOTED ? PostgresDialect.quoteIdentifier(t.text()) : t.text());
      }
      i++;
    }
    return String.join(" ", out);
  }

  /**
   * The index after the type name starting at {@code i}: the flat form of {@link
   * Parser#typeName()}.
   */
  private static int skipTypeName(List<Token> tokens, int i) {
    String type = tokens.get(i).text();
    if (tokens.get(i).kind() == Kind.WORD || tokens.get(i).kind() == Kind.QUOTED) {
      i++;
    }
    while (tokens.get(i).kind() == Kind.DOT && i + 1 < tokens.size()) {
      i += 2;
    }
    for (int round = 0; round < 2; round++) {
      while (typeWord(type, tokens.get(i))) {
        i++;
      }
      if (round == 0 && tokens.get(i).kind() == Kind.LPAREN) {
        while (tokens.get(i).kind() != Kind.RPAREN && tokens.get(i).kind() != Kind.END) {
          i++;
        }
        if (tokens.get(i).kind() == Kind.RPAREN) {
          i++;
        }
      }
    }
    while (tokens.get(i).kind() == Kind.LBRACKET) {
      while (tokens.get(i).kind() != Kind.RBRACKET && tokens.get(i).kind() != Kind.END) {
        i++;
      }
      if (tokens.get(i).kind() == Kind.RBRACKET) {
        i++;
      }
    }
    return i;
  }

  // ================================================================================================== syntax tree

  private interface Node {
    String print();

    /**
     * Whether this node prints as more than one operand, so that it needs parentheses inside
     * another.
     */
    default boolean compound() {
      return false;
    }
  }

  private static String grouped(Node node) {
    return node.compound() ? "(" + node.print() + ")" : node.print();
  }

  private static String list(List<Node> nodes) {
    List<String> parts = new ArrayList<>();
    for (Node node : nodes) {
      parts.add(node.print());
    }
    return String.join(", ", parts);
  }

  /**
   * A string or number constant, or a key word constant such as {@code true} or {@code
   * current_timestamp}.
   */
  private record Literal(String text) implements Node {
    @Override
    public String print() {
      return text;
    }
  }

  /** A (possibly qualified) name. */
  private record Name(List<String> parts) implements Node {
    @Override
    public String print() {
      List<String> quoted = new ArrayList<>();
      for (String part : parts) {
        quoted.add(PostgresDialect.quoteIdentifier(part));
      }
      return String.join(".", quoted);
    }
  }

  /** A bare key word used as a value ({@code null}, {@code true}, {@code current_date}, ...). */
  private record Keyword(String word) implements Node {
    @Override
    public String print() {
      return word;
    }
  }

  private record Call(String name, List<Node> arguments) implements Node {
    @Override
    public String print() {
      return name + "(" + list(arguments) + ")";
    }
  }

  private record Binary(String operator, Node left, Node right) implements Node {
    @Override
    public String print() {
      return grouped(left) + " " + operator + " " + grouped(right);
    }

    @Override
    public boolean compound() {
      return true;
    }
  }

  /** {@code AND} or {@code OR} over two or more operands. */
  private record Junction(String word, List<Node> operands) implements Node {
    static Node of(String word, Node left, Node right) {
      List<Node> operands = new ArrayList<>();
      for (Node side : List.of(left, right)) {
        if (side instanceof Junction j && j.word().equals(word)) {
          operands.addAll(j.operands());
        } else {
          operands.add(side);
        }
      }
      return new Junction(word, operands);
    }

    @Override
    public String print() {
      List<String> parts = new ArrayList<>();
      for (Node node : operands) {
        parts.add(grouped(node));
      }
      return String.join(" " + word + " ", parts);
    }

    @Override
    public boolean compound() {
      return true;
    }
  }

  private record Prefix(String operator, Node operand) implements Node {
    @Override
    public String print() {
      return operator + (Character.isLetter(operator.charAt(0)) ? " " : "") + grouped(operand);
    }

    @Override
    public boolean compound() {
      return true;
    }
  }

  /** {@code x IS [NOT] NULL|TRUE|FALSE|UNKNOWN}. */
  private record Is(Node operand, String test) implements Node {
    @Override
    public String print() {
      return grouped(operand) + " is " + test;
    }

    @Override
    public boolean compound() {
      return true;
    }
  }

  private record In(Node operand, List<Node> values, boolean negated) implements Node {
    static Node of(Node operand, List<Node> values, boolean negated) {
      if (values.size() == 1) {
        return new Binary(negated ? "<>" : "=", operand, values.get(0));
      }
      return new In(operand, values, negated);
    }

    @Override
    public String print() {
      return grouped(operand) + (negated ? " not in (" : " in (") + list(values) + ")";
    }

    @Override
    public boolean compound() {
      return true;
    }
  }

  private record ArrayOf(List<Node> elements) implements Node {
    @Override
    public String print() {
      return "array[" + list(elements) + "]";
    }
  }

  private record Row(List<Node> elements) implements Node {
    @Override
    public String print() {
      return "(" + list(elements) + ")";
    }
  }

  private record Subscript(Node operand, Node index) implements Node {
    @Override
    public String print() {
      return grouped(operand) + "[" + index.print() + "]";
    }
  }

  private record Case(Node operand, List<Node> conditions, List<Node> results, Node otherwise)
      implements Node {
    @Override
    public String print() {
      StringBuilder s = new StringBuilder("case");
      if (operand != null) {
        s.append(' ').append(operand.print());
      }
      for (int i = 0; i < conditions.size(); i++) {
        s.append(" when ")
            .append(conditions.get(i).print())
            .append(" then ")
            .append(results.get(i).print());
      }
      if (otherwise != null) {
        s.append(" else ").append(otherwise.print());
      }
      return s.append(" end").toString();
    }
  }

  // ================================================================================================== parser

  /** Binding strengths, weakest first (docs, Table 4.2 "Operator Precedence"). */
  private static final int OR = 1;

  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int IS = 4;
  private static final int COMPARISON = 5;
  private static final int LIKE_IN_BETWEEN = 6;
  private static final int OTHER_OPERATOR = 7;
  private static final int ADDITIVE = 8;
  private static final int MULTIPLICATIVE = 9;
  private static final int EXPONENT = 10;
  private static final int UNARY = 11;
  private static final int SUBSCRIPT = 12;

  private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>");

  /** Key words that stand for a value. */
  private static final Set<String> VALUE_KEYWORDS =
      Set.of(
          "null",
          "true",
          "false",
          "current_date",
          "current_time",
          "current_timestamp",
          "localtime",
          "localtimestamp",
          "current_user",
          "current_role",
          "session_user",
          "user",
          "current_catalog",
          "current_schema");

  /** Key words that end an operand; a name with one of these spellings must be quoted. */
  private static final Set<String> STOP_WORDS =
      Set.of(
          "and",
          "or",
          "not",
          "is",
          "isnull",
          "notnull",
          "in",
          "between",
          "like",
          "ilike",
          "similar",
          "when",
          "then",
          "else",
          "end",
          "as",
          "from",
          "for",
          "escape",
          "collate",
          "at",
          "symmetric",
          "asymmetric",
          "distinct",
          "select",
          "with",
          "over",
          "filter",
          "within",
          "order");

  /**
   * Types whose string constants are numbers, so that {@code '-5'::integer} reads as {@code -5}.
   */
  private static final Set<String> NUMERIC_TYPES =
      Set.of(
          "smallint",
          "integer",
          "int",
          "bigint",
          "int2",
          "int4",
          "int8",
          "numeric",
          "decimal",
          "real",
          "float4",
          "float8",
          "double precision",
          "oid");

  private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?");

  /** Words that continue a multi-word type name after its first word. */
  private static final Set<String> TYPE_WORDS =
      Set.of("varying", "precision", "with", "without", "time", "zone");

  /**
   * The words of {@code interval}'s fields ({@code interval day to second(3)}), part of the type
   * after it.
   */
  private static final Set<String> INTERVAL_WORDS =
      Set.of("year", "month", "day", "hour", "minute", "second", "to");

  /** Whether {@code word} continues the type name {@code type} read so far. */
  private static boolean typeWord(String type, Token word) {
    return word.kind() == Kind.WORD
        && (TYPE_WORDS.contains(word.text())
            || (type.equals("interval") || type.startsWith("interval "))
                && INTERVAL_WORDS.contains(word.text()));
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int position;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    private Token peek() {
      return tokens.get(position);
    }

    private Token peek(int ahead) {
      return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
      return tokens.get(position++);
    }

    Token expect(Kind kind, String text) {
      Token t = next();
      if (!t.is(kind, text)) {
        throw new Unsupported("expected " + (text == null ? kind : text) + " at " + t.text());
      }
      return t;
    }

    private boolean acceptWord(String word) {
      if (peek().isWord(word)) {
        position++;
        return true;
      }
      return false;
    }

    /** An expression whose operators all bind at least as strongly as {@code minimum}. */
    Node parse(int minimum) {
      Node left = prefix();
      while (true) {
        Token t = peek();
        if (t.kind() == Kind.CAST) {
          next();
          left = cast(left, typeName());
        } else if (t.kind() == Kind.LBRACKET && SUBSCRIPT >= minimum) {
          next();
          Node index = parse(0);
          if (peek().kind() == Kind.OPERATOR && peek().text().equals(":")) {
            throw new Unsupported("array slice");
          }
          expect(Kind.RBRACKET, null);
          left = new Subscript(left, index);
        } else if (t.isWord("or") && OR >= minimum) {
          next();
          left = Junction.of("or", left, parse(OR + 1));
        } else if (t.isWord("and") && AND >= minimum) {
          next();
          left = Junction.of("and", left, parse(AND + 1));
        } else if ((t.isWord("is") || t.isWord("isnull") || t.isWord("notnull")) && IS >= minimum) {
          left = is(left);
        } else if (isRangeOrMatch(t) && LIKE_IN_BETWEEN >= minimum) {
          left = rangeOrMatch(left);
        } else if (t.kind() == Kind.OPERATOR
            && COMPARISONS.contains(t.text())
            && COMPARISON >= minimum) {
          next();
          left = comparison(t.text(), left, parse(COMPARISON + 1));
        } else if (t.kind() == Kind.OPERATOR
            && !COMPARISONS.contains(t.text())
            && binaryStrength(t.text()) >= minimum) {
          next();
          int strength = binaryStrength(t.text());
          left = new Binary(t.text(), left, parse(strength + 1));
        } else {
          return left;
        }
      }
    }

    private static int binaryStrength(String operator) {
      switch (operator) {
        case "+":
        case "-":
          return ADDITIVE;
        case "*":
        case "/":
        case "%":
          return MULTIPLICATIVE;
        case "^":
          return EXPONENT;
        default:
          return OTHER_OPERATOR;
      }
    }

    private boolean isRangeOrMatch(Token t) {
      if (t.isWord("not")) {
        Token u = peek(1);
        return u.isWord("in")
            || u.isWord("between")
            || u.isWord("like")
            || u.isWord("ilike")
            || u.isWord("similar");
      }
      return t.isWord("in")
          || t.isWord("between")
          || t.isWord("like")
          || t.isWord("ilike")
          || t.isWord("similar");
    }

    private Node rangeOrMatch(Node left) {
      boolean negated = acceptWord("not");
      Token t = next();
      switch (t.text()) {
        case "in":
          {
            expect(Kind.LPAREN, null);
            if (peek().isWord("select") || peek().isWord("with")) {
              throw new Unsupported("sub-select");
            }
            List<Node> values = arguments();
            return In.of(left, values, negated);
          }
        case "between":
          {
            if (peek().isWord("symmetric") || peek().isWord("asymmetric")) {
              throw new Unsupported("between symmetric");
            }
            Node low = parse(LIKE_IN_BETWEEN + 1);
            if (!acceptWord("and")) {
              throw new Unsupported("between without and");
            }
            Node high = parse(LIKE_IN_BETWEEN + 1);
            return negated
                ? Junction.of("or", new Binary("<", left, low), new Binary(">", left, high))
                : Junction.of("and", new Binary(">=", left, low), new Binary("<=", left, high));
          }
        case "like":
        case "ilike":
          {
            Node pattern = parse(LIKE_IN_BETWEEN + 1);
            if (peek().isWord("escape")) {
              throw new Unsupported("escape");
            }
            String operator = (negated ? "!" : "") + "~~" + (t.text().equals("ilike") ? "*" : "");
            return new Binary(operator, left, pattern);
          }
        default:
          throw new Unsupported(t.text());
      }
    }

    /**
     * {@code left op right}, with {@code x = ANY (ARRAY[...])} read as {@code IN} and {@code <>
     * ALL} as {@code NOT IN}.
     */
    private Node comparison(String operator, Node left, Node right) {
      if (right instanceof Call call
          && call.arguments().size() == 1
          && call.arguments().get(0) instanceof ArrayOf array) {
        if (operator.equals("=") && (call.name().equals("any") || call.name().equals("some"))) {
          return In.of(left, array.elements(), false);
        }
        if (operator.equals("<>") && call.name().equals("all")) {
          return In.of(left, array.elements(), true);
        }
      }
      return new Binary(operator, left, right);
    }

    private Node is(Node left) {
      Token t = next();
      if (t.isWord("isnull")) {
        return new Is(left, "null");
      }
      if (t.isWord("notnull")) {
        return new Is(left, "not null");
      }
      boolean negated = acceptWord("not");
      Token what = next();
      if (what.isWord("distinct")) {
        if (!acceptWord("from")) {
          throw new Unsupported("is distinct");
        }
        return new Binary(
            negated ? "is not distinct from" : "is distinct from", left, parse(IS + 1));
      }
      if (what.isWord("null")
          || what.isWord("true")
          || what.isWord("false")
          || what.isWord("unknown")) {
        return new Is(left, (negated ? "not " : "") + what.text());
      }
      throw new Unsupported("is " + what.text());
    }

    private Node prefix() {
      Token t = next();
      switch (t.kind()) {
        case NUMBER:
          return new Literal(t.text());
        case STRING:
          return new Literal(t.text());
        case LPAREN:
          {
            if (peek().isWord("select") || peek().isWord("with")) {
              throw new Unsupported("sub-select");
            }
            List<Node> elements = arguments();
            return elements.size() == 1 ? elements.get(0) : new Row(elements);
          }
        case OPERATOR:
          {
            Node operand =
                parse(t.text().equals("-") || t.text().equals("+") ? UNARY : OTHER_OPERATOR);
            if (t.text().equals("-")
                && operand instanceof Literal literal
                && NUMBER.matcher(literal.text()).matches()
                && !literal.text().startsWith("-")) {
              return new Literal("-" + literal.text());
            }
            if (t.text().equals("+")
                && operand instanceof Literal literal
                && NUMBER.matcher(literal.text()).matches()) {
              return literal;
            }
            return new Prefix(t.text(), operand);
          }
        case QUOTED:
          return nameOrCall(t.text(), true);
        case WORD:
          return word(t);
        default:
          throw new Unsupported("unexpected " + t.text());
      }
    }

    private Node word(Token t) {
      String word = t.text();
      if (word.equals("not")) {
        return new Prefix("not", parse(NOT));
      }
      if (word.equals("array") && peek().kind() == Kind.LBRACKET) {
        next();
        if (peek().kind() == Kind.LBRACKET) {
          throw new Unsupported("nested array");
        }
        List<Node> elements = new ArrayList<>();
        if (peek().kind() != Kind.RBRACKET) {
          do {
            elements.add(parse(0));
          } while (peek().kind() == Kind.COMMA && next() != null);
        }
        expect(Kind.RBRACKET, null);
        return new ArrayOf(elements);
      }
      if (word.equals("case")) {
        return caseExpression();
      }
      if (word.equals("cast") && peek().kind() == Kind.LPAREN) {
        next();
        Node value = parse(0);
        if (!acceptWord("as")) {
          throw new Unsupported("cast without as");
        }
        String type = typeName();
        expect(Kind.RPAREN, null);
        return cast(value, type);
      }
      if (VALUE_KEYWORDS.contains(word) && peek().kind() != Kind.LPAREN) {
        return new Keyword(word);
      }
      if (STOP_WORDS.contains(word)) {
        throw new Unsupported("key word " + word);
      }
      if (peek().kind() == Kind.STRING) {
        // A typed constant, type 'text' (docs, 4.1.2.7): the same value as 'text'::type.
        return cast(new Literal(next().text()), word);
      }
      return nameOrCall(word, false);
    }

    /**
     * A name, or a function call when a parenthesis follows; {@code quoted} says how {@code first}
     * was written.
     */
    private Node nameOrCall(String first, boolean quoted) {
      List<String> parts = new ArrayList<>(List.of(first));
      while (peek().kind() == Kind.DOT) {
        next();
        Token part = next();
        if (part.kind() != Kind.WORD && part.kind() != Kind.QUOTED) {
          throw new Unsupported("name part " + part.text());
        }
        parts.add(part.text());
      }
      if (peek().kind() == Kind.LPAREN) {
        next();
        if (peek().isWord("distinct")
            || peek().isWord("all")
            || peek().kind() == Kind.OPERATOR && peek().text().equals("*")) {
          throw new Unsupported("aggregate");
        }
        List<Node> arguments = peek().kind() == Kind.RPAREN ? emptyArguments() : arguments();
        if (peek().isWord("over") || peek().isWord("filter") || peek().isWord("within")) {
          throw new Unsupported("window");
        }
        // An unquoted single-word function name prints as written, so that any(...) and all(...)
        // stay recognisable.
        String name = parts.size() == 1 && !quoted ? first : new Name(parts).print();
        return new Call(name, arguments);
      }
      return new Name(parts);
    }

    private List<Node> emptyArguments() {
      next();
      return List.of();
    }

    /** Comma-separated expressions up to and including the closing parenthesis. */
    private List<Node> arguments() {
      List<Node> values = new ArrayList<>();
      values.add(parse(0));
      while (peek().kind() == Kind.COMMA) {
        next();
        values.add(parse(0));
      }
      expect(Kind.RPAREN, null);
      return values;
    }

    private Node caseExpression() {
      Node operand = peek().isWord("when") ? null : parse(0);
      List<Node> conditions = new ArrayList<>();
      List<Node> results = new ArrayList<>();
      while (acceptWord("when")) {
        conditions.add(parse(0));
        if (!acceptWord("then")) {
          throw new Unsupported("case without then");
        }
        results.add(parse(0));
      }
      Node otherwise = acceptWord("else") ? parse(0) : null;
      if (!acceptWord("end") || conditions.isEmpty()) {
        throw new Unsupported("case");
      }
      return new Case(operand, conditions, results, otherwise);
    }

    /**
     * A type name after {@code ::} or {@code AS}: words ({@code double precision}, {@code
     * timestamp(3) with time zone}), a qualified or quoted name, modifiers in parentheses, array
     * brackets. Returned lower case, for {@link #cast}; the modifiers are not kept.
     */
    private String typeName() {
      StringBuilder type = new StringBuilder();
      Token first = next();
      if (first.kind() != Kind.WORD && first.kind() != Kind.QUOTED) {
        throw new Unsupported("type " + first.text());
      }
      type.append(first.text());
      while (peek().kind() == Kind.DOT) {
        next();
        type.append('.').append(next().text());
      }
      for (int round = 0; round < 2; round++) {
        while (typeWord(type.toString(), peek())) {
          type.append(' ').append(next().text());
        }
        if (round == 0 && peek().kind() == Kind.LPAREN) {
          next();
          while (peek().kind() != Kind.RPAREN) {
            if (peek().kind() == Kind.END) {
              throw new Unsupported("type modifiers");
            }
            next();
          }
          next();
        }
      }
      while (peek().kind() == Kind.LBRACKET) {
        next();
        if (peek().kind() == Kind.NUMBER) {
          next();
        }
        expect(Kind.RBRACKET, null);
        type.append("[]");
      }
      return type.toString();
    }

    /**
     * {@code value::type} as compared: the cast dropped, since PostgreSQL adds casts the model does
     * not write; a string constant cast to a numeric type that holds a number becomes that number.
     */
    private static Node cast(Node value, String type) {
      if (value instanceof Literal literal
          && literal.text().startsWith("'")
          && NUMERIC_TYPES.contains(type)) {
        String inner = literal.text().substring(1, literal.text().length() - 1).trim();
        if (NUMBER.matcher(inner).matches()) {
          return new Literal(inner);
        }
      }
      return value;
    }
  }
}
