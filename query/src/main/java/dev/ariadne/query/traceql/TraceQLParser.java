package dev.ariadne.query.traceql;

import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import dev.ariadne.query.traceql.FieldExpr.AttributeRef;
import dev.ariadne.query.traceql.FieldExpr.Comparison;
import dev.ariadne.query.traceql.FieldExpr.IntrinsicRef;
import dev.ariadne.query.traceql.FieldExpr.Literal;
import dev.ariadne.query.traceql.FieldExpr.Logical;
import dev.ariadne.query.traceql.FieldExpr.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for the TraceQL subset Ariadne runs, with Tempo's precedence and types:
 *
 * <pre>
 * query      = spansets EOF
 * spansets   = structural { ("&amp;&amp;" | "||") structural }        left to right, one precedence level
 * structural = primary { (">" | ">>") primary }
 * primary    = "{" [ condition ] "}" | "(" spansets ")"
 * condition  = comparison { ("&amp;&amp;" | "||") comparison }       left to right, one precedence level
 * comparison = unary [ ("=" | "!=" | "=~" | "!~" | "&gt;" | "&gt;=" | "&lt;" | "&lt;=") unary ]
 * unary      = "!" unary | "(" condition ")" | "-" number | literal | intrinsic | attribute
 * </pre>
 *
 * Comparisons whose types are known from the query alone are checked as Tempo checks them ({@code name = 1}
 * and {@code duration =~ "x"} are errors); comparisons with attributes are checked per span. Everything
 * outside the subset (pipelines, aggregates, arithmetic, other structural operators and scopes) is refused
 * with its name and place. Nesting is bounded by {@link #MAX_DEPTH}, so no query can exhaust the stack,
 * and the query's length by {@link #MAX_QUERY_LENGTH}.
 */
public final class TraceQLParser {
  public static final int MAX_QUERY_LENGTH = 65_536;
  public static final int MAX_DEPTH = 100;

  private static final Map<String, Value> KEYWORDS = Map.ofEntries(
      Map.entry("true", new Value.Bool(true)),
      Map.entry("false", new Value.Bool(false)),
      Map.entry("nil", new Value.Nil()),
      Map.entry("ok", new Value.Status(StatusCode.OK)),
      Map.entry("error", new Value.Status(StatusCode.ERROR)),
      Map.entry("unset", new Value.Status(StatusCode.UNSET)),
      Map.entry("unspecified", new Value.Kind(SpanKind.UNSPECIFIED)),
      Map.entry("internal", new Value.Kind(SpanKind.INTERNAL)),
      Map.entry("server", new Value.Kind(SpanKind.SERVER)),
      Map.entry("client", new Value.Kind(SpanKind.CLIENT)),
      Map.entry("producer", new Value.Kind(SpanKind.PRODUCER)),
      Map.entry("consumer", new Value.Kind(SpanKind.CONSUMER)));

  /** Symbols of full TraceQL between spansets that the subset leaves out, with what they are. */
  private static final Map<String, String> UNSUPPORTED_BETWEEN_SPANSETS = Map.ofEntries(
      Map.entry("|", "pipelines and aggregates"),
      Map.entry("~", "the sibling operator"),
      Map.entry("<", "the parent operator"),
      Map.entry("<<", "the ancestor operator"),
      Map.entry("!>", "negated structural operators"),
      Map.entry("!>>", "negated structural operators"),
      Map.entry("!<", "negated structural operators"),
      Map.entry("!<<", "negated structural operators"),
      Map.entry("!~", "negated structural operators"),
      Map.entry("&>", "union structural operators"),
      Map.entry("&>>", "union structural operators"),
      Map.entry("&<", "union structural operators"),
      Map.entry("&<<", "union structural operators"),
      Map.entry("&~", "union structural operators"));

  /** Symbols of full TraceQL inside a filter that the subset leaves out. */
  private static final Map<String, String> UNSUPPORTED_IN_FILTERS = Map.ofEntries(
      Map.entry("|", "pipelines and aggregates"),
      Map.entry("+", "arithmetic"),
      Map.entry("-", "arithmetic"),
      Map.entry("*", "arithmetic"),
      Map.entry("/", "arithmetic"),
      Map.entry("%", "arithmetic"),
      Map.entry("^", "arithmetic"),
      Map.entry(",", "argument lists"));

  private static final Map<String, String> UNSUPPORTED_WORDS = Map.ofEntries(
      Map.entry("count", "aggregates"),
      Map.entry("avg", "aggregates"),
      Map.entry("min", "aggregates"),
      Map.entry("max", "aggregates"),
      Map.entry("sum", "aggregates"),
      Map.entry("by", "grouping"),
      Map.entry("select", "select"),
      Map.entry("coalesce", "coalesce"),
      Map.entry("with", "query hints"),
      Map.entry("parent", "the parent intrinsic"),
      Map.entry("parent.", "parent attributes"),
      Map.entry("event.", "event attributes"),
      Map.entry("link.", "link attributes"),
      Map.entry("instrumentation.", "instrumentation scope attributes"),
      Map.entry("trace.", "trace-scoped attributes"));

  private final String query;
  private final List<Token> tokens;
  private int next;
  private int depth;

  private TraceQLParser(String query, List<Token> tokens) {
    this.query = query;
    this.tokens = tokens;
  }

  /** Parses a query such as {@code { resource.service.name = "api" } >> { status = error }}. */
  public static SpansetExpr parse(String query) throws TraceQLException {
    checkLength(query);
    TraceQLParser parser = new TraceQLParser(query, Lexer.tokens(query));
    SpansetExpr expr = parser.spansets();
    parser.expectEnd();
    return expr;
  }

  /** Parses one attribute ({@code span.x}, {@code resource.x}, {@code .x}) or intrinsic, as Tempo's tag APIs name them. */
  public static FieldExpr parseIdentifier(String text) throws TraceQLException {
    checkLength(text);
    TraceQLParser parser = new TraceQLParser(text, Lexer.tokens(text));
    Token t = parser.peek();
    FieldExpr e = null;
    if (t.kind() == Token.Kind.ATTRIBUTE) {
      e = (AttributeRef) t.value();
    } else if (t.kind() == Token.Kind.WORD && Intrinsic.byName(t.text()) != null) {
      e = new IntrinsicRef(Intrinsic.byName(t.text()));
    }
    if (e == null) {
      throw parser.error(t, "expected an attribute (span.x, resource.x, .x) or an intrinsic, found " + t.describe());
    }
    parser.take();
    parser.expectEnd();
    return e;
  }

  private static void checkLength(String query) throws TraceQLException {
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new TraceQLException("query is " + query.length() + " characters long; at most " + MAX_QUERY_LENGTH
          + " are accepted");
    }
  }

  // --- Spanset level ---

  private SpansetExpr spansets() throws TraceQLException {
    SpansetExpr first = structural();
    List<SpansetExpr.Chain.Step> rest = new ArrayList<>();
    while (peek().is("&&") || peek().is("||")) {
      SpansetOp op = take().text().equals("&&") ? SpansetOp.AND : SpansetOp.OR;
      rest.add(new SpansetExpr.Chain.Step(op, structural()));
    }
    refuseUnsupported(peek(), UNSUPPORTED_BETWEEN_SPANSETS);
    return rest.isEmpty() ? first : new SpansetExpr.Chain(first, rest);
  }

  private SpansetExpr structural() throws TraceQLException {
    SpansetExpr first = spansetPrimary();
    List<SpansetExpr.Chain.Step> rest = new ArrayList<>();
    while (peek().is(">") || peek().is(">>")) {
      SpansetOp op = take().text().equals(">") ? SpansetOp.CHILD : SpansetOp.DESCENDANT;
      rest.add(new SpansetExpr.Chain.Step(op, spansetPrimary()));
    }
    return rest.isEmpty() ? first : new SpansetExpr.Chain(first, rest);
  }

  private SpansetExpr spansetPrimary() throws TraceQLException {
    Token t = peek();
    if (t.is("{")) {
      enter(take());
      FieldExpr condition;
      if (peek().is("}")) {
        condition = new Literal(new Value.Bool(true));
      } else {
        Token start = peek();
        condition = condition();
        requireCondition(condition, start);
      }
      expect("}", UNSUPPORTED_IN_FILTERS);
      depth--;
      return new SpansetExpr.Filter(condition);
    }
    if (t.is("(")) {
      enter(take());
      SpansetExpr inner = spansets();
      expect(")", UNSUPPORTED_BETWEEN_SPANSETS);
      depth--;
      return inner;
    }
    refuseUnsupported(t, UNSUPPORTED_BETWEEN_SPANSETS);
    throw error(t, "syntax error: expected '{' or '(' but found " + t.describe());
  }

  // --- Inside a filter ---

  private FieldExpr condition() throws TraceQLException {
    Token firstToken = peek();
    FieldExpr first = comparison();
    List<Logical.Step> rest = new ArrayList<>();
    while (peek().is("&&") || peek().is("||")) {
      boolean and = take().text().equals("&&");
      Token operandToken = peek();
      FieldExpr operand = comparison();
      requireCondition(operand, operandToken);
      rest.add(new Logical.Step(and, operand));
    }
    if (rest.isEmpty()) return first;
    requireCondition(first, firstToken);
    return new Logical(first, rest);
  }

  private FieldExpr comparison() throws TraceQLException {
    FieldExpr left = unary();
    Token opToken = peek();
    CompareOp op = opToken.kind() == Token.Kind.SYMBOL ? CompareOp.bySymbol(opToken.text()) : null;
    if (op == null) {
      refuseArithmetic(opToken);
      return left;
    }
    take();
    FieldExpr right = unary();
    Token after = peek();
    if (after.kind() == Token.Kind.SYMBOL && CompareOp.bySymbol(after.text()) != null) {
      throw error(after, "syntax error: comparisons cannot be chained; use && between them");
    }
    refuseArithmetic(after);
    return compare(op, left, right, opToken);
  }

  private FieldExpr unary() throws TraceQLException {
    if (peek().is("!")) {
      Token bang = take();
      enter(bang);
      Token operandToken = peek();
      FieldExpr operand = unary();
      requireCondition(operand, operandToken);
      depth--;
      return new Not(operand);
    }
    return primary();
  }

  private FieldExpr primary() throws TraceQLException {
    Token t = take();
    if (t.is("(")) {
      enter(t);
      FieldExpr inner = condition();
      expect(")", UNSUPPORTED_IN_FILTERS);
      depth--;
      return inner;
    }
    if (t.is("-") && peek().kind() == Token.Kind.LITERAL && !(peek().value() instanceof Value.Str)) {
      return new Literal(negate((Value) take().value()));
    }
    return switch (t.kind()) {
      case LITERAL -> new Literal((Value) t.value());
      case ATTRIBUTE -> (AttributeRef) t.value();
      case WORD -> word(t);
      case SYMBOL, EOF -> {
        refuseUnsupported(t, UNSUPPORTED_IN_FILTERS);
        throw error(t, "syntax error: expected a value, an attribute or an intrinsic but found " + t.describe());
      }
    };
  }

  private FieldExpr word(Token t) throws TraceQLException {
    Value keyword = KEYWORDS.get(t.text());
    if (keyword != null) return new Literal(keyword);
    Intrinsic intrinsic = Intrinsic.byName(t.text());
    if (intrinsic != null) return new IntrinsicRef(intrinsic);
    refuseUnsupported(t, UNSUPPORTED_IN_FILTERS);
    if (t.text().contains(":")) {
      throw unsupported(t, "this intrinsic");
    }
    throw error(t, "unknown identifier " + t.describe()
        + "; attributes need a scope or a leading dot: ." + t.text() + ", span." + t.text() + ", resource." + t.text());
  }

  // --- Types ---

  /** Builds a comparison after checking it as far as the query alone allows. */
  private Comparison compare(CompareOp op, FieldExpr left, FieldExpr right, Token opToken) throws TraceQLException {
    ValueType lt = typeOf(left);
    ValueType rt = typeOf(right);
    if (!lt.comparableWith(rt)) {
      throw error(opToken, "cannot compare " + left + " (" + lt + ") with " + right + " (" + rt + ")");
    }
    for (FieldExpr side : List.of(left, right)) {
      if (!typeOf(side).supports(op)) {
        throw error(opToken, "operator " + op + " is not defined for " + side + " (" + typeOf(side) + ")");
      }
    }
    TraceQLRegex regex = null;
    if (op == CompareOp.REGEX || op == CompareOp.NOT_REGEX) {
      if (!(right instanceof Literal(Value.Str(String pattern)))) {
        throw error(opToken, "the right side of " + op + " must be a string literal, found " + right);
      }
      try {
        regex = TraceQLRegex.compile(pattern);
      } catch (IllegalArgumentException e) {
        throw error(opToken, "invalid regular expression \"" + pattern + "\": " + e.getMessage());
      }
    }
    return new Comparison(op, left, right, regex);
  }

  private void requireCondition(FieldExpr e, Token at) throws TraceQLException {
    ValueType t = typeOf(e);
    if (t != ValueType.BOOLEAN && t != ValueType.ATTRIBUTE) {
      throw error(at, "expected a condition but found " + e + " (" + t + ")");
    }
  }

  static ValueType typeOf(FieldExpr e) {
    return switch (e) {
      case Literal l -> l.value().type();
      case IntrinsicRef i -> i.intrinsic().type();
      case AttributeRef a -> ValueType.ATTRIBUTE;
      case Comparison c -> ValueType.BOOLEAN;
      case Not n -> ValueType.BOOLEAN;
      case Logical l -> ValueType.BOOLEAN;
      case FieldExpr.TagEquals t -> ValueType.BOOLEAN;
    };
  }

  private static Value negate(Value v) {
    return switch (v) {
      case Value.Int i -> new Value.Int(-i.value());
      case Value.Flt f -> new Value.Flt(-f.value());
      case Value.Duration d -> new Value.Duration(-d.nanos());
      default -> throw new IllegalStateException("only numbers are negated: " + v);
    };
  }

  // --- Tokens and errors ---

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Token.Kind.EOF) next++;
    return t;
  }

  private void expect(String symbol, Map<String, String> unsupportedHere) throws TraceQLException {
    Token t = peek();
    if (!t.is(symbol)) {
      refuseUnsupported(t, unsupportedHere);
      throw error(t, "syntax error: expected '" + symbol + "' but found " + t.describe());
    }
    take();
  }

  private void expectEnd() throws TraceQLException {
    Token t = peek();
    if (t.kind() != Token.Kind.EOF) {
      refuseUnsupported(t, UNSUPPORTED_BETWEEN_SPANSETS);
      throw error(t, "syntax error: unexpected " + t.describe());
    }
  }

  private void enter(Token t) throws TraceQLException {
    if (++depth > MAX_DEPTH) throw error(t, "the query nests deeper than " + MAX_DEPTH + " levels");
  }

  /** Throws if {@code t} is part of full TraceQL this subset leaves out, given the symbols left out here. */
  private void refuseUnsupported(Token t, Map<String, String> unsupportedSymbols) throws TraceQLException {
    String what = switch (t.kind()) {
      case SYMBOL -> unsupportedSymbols.get(t.text());
      case WORD -> UNSUPPORTED_WORDS.get(t.text());
      default -> null;
    };
    if (what != null) throw unsupported(t, what);
  }

  private void refuseArithmetic(Token t) throws TraceQLException {
    if (t.kind() == Token.Kind.SYMBOL && "arithmetic".equals(UNSUPPORTED_IN_FILTERS.get(t.text()))) {
      throw unsupported(t, "arithmetic");
    }
  }

  private TraceQLException unsupported(Token t, String what) {
    return error(t, "unsupported construct " + t.describe() + " (" + what + ")");
  }

  private TraceQLException error(Token t, String problem) {
    return TraceQLException.at(query, t.offset(), problem);
  }
}
