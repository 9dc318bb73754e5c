package dev.ariadne.query.traceql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ariadne.model.SpanKind;
import dev.ariadne.model.StatusCode;
import dev.ariadne.query.traceql.FieldExpr.AttributeRef;
import dev.ariadne.query.traceql.FieldExpr.Comparison;
import dev.ariadne.query.traceql.FieldExpr.IntrinsicRef;
import dev.ariadne.query.traceql.FieldExpr.Literal;
import dev.ariadne.query.traceql.FieldExpr.Logical;
import dev.ariadne.query.traceql.FieldExpr.Not;
import dev.ariadne.query.traceql.SpansetExpr.Chain;
import dev.ariadne.query.traceql.SpansetExpr.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceQLParserTest {

  private static FieldExpr condition(String query) throws TraceQLException {
    return ((Filter) TraceQLParser.parse(query)).condition();
  }

  private static Comparison eq(FieldExpr left, FieldExpr right) {
    return new Comparison(CompareOp.EQ, left, right, null);
  }

  private static Literal str(String s) {
    return new Literal(new Value.Str(s));
  }

  private static Literal integer(long n) {
    return new Literal(new Value.Int(n));
  }

  private static AttributeRef attr(AttributeScope scope, String name) {
    return new AttributeRef(scope, name);
  }

  private static Filter filter(FieldExpr condition) {
    return new Filter(condition);
  }

  private static String error(String query) {
    return assertThrows(TraceQLException.class, () -> TraceQLParser.parse(query), query).getMessage();
  }

  private static void assertError(String query, String expected) {
    String message = error(query);
    assertTrue(message.contains(expected), "for " + query + ": " + message);
  }

  // --- Constructs ---

  @Test
  void emptyFilterSelectsEverything() throws Exception {
    assertEquals(filter(new Literal(new Value.Bool(true))), TraceQLParser.parse("{}"));
    assertEquals(filter(new Literal(new Value.Bool(true))), TraceQLParser.parse("  { \n }  "));
  }

  @ParameterizedTest
  @CsvSource({
      "name, NAME", "span:name, NAME", "status, STATUS", "span:status, STATUS",
      "statusMessage, STATUS_MESSAGE", "span:statusMessage, STATUS_MESSAGE", "kind, KIND", "span:kind, KIND",
      "duration, DURATION", "span:duration, DURATION", "childCount, CHILD_COUNT", "span:childCount, CHILD_COUNT",
      "span:id, SPAN_ID", "span:parentID, PARENT_ID", "rootName, ROOT_NAME", "trace:rootName, ROOT_NAME",
      "rootServiceName, ROOT_SERVICE_NAME", "trace:rootService, ROOT_SERVICE_NAME",
      "traceDuration, TRACE_DURATION", "trace:duration, TRACE_DURATION", "trace:id, TRACE_ID"})
  void intrinsicsAndTheirColonForms(String word, Intrinsic intrinsic) throws Exception {
    FieldExpr c = condition("{ " + word + " != nil }");
    assertEquals(new Comparison(CompareOp.NEQ, new IntrinsicRef(intrinsic), new Literal(new Value.Nil()), null), c);
  }

  @Test
  void attributesRunToTheNextOperatorAndMayBeQuoted() throws Exception {
    assertEquals(eq(attr(AttributeScope.SPAN, "http.status_code"), integer(500)),
        condition("{span.http.status_code=500}"));
    assertEquals(eq(attr(AttributeScope.RESOURCE, "service.name"), str("api")),
        condition("{ resource.service.name = \"api\" }"));
    assertEquals(eq(attr(AttributeScope.ANY, "k8s.pod/name-1:x"), str("a")), condition("{ .k8s.pod/name-1:x = \"a\" }"));
    assertEquals(eq(attr(AttributeScope.SPAN, "with space"), str("a")), condition("{ span.\"with space\" = \"a\" }"));
    assertEquals(eq(attr(AttributeScope.ANY, "x"), str("a")), condition("{ .\"x\" = `a` }"));
  }

  @ParameterizedTest
  @CsvSource({"=, EQ", "!=, NEQ", ">, GT", ">=, GTE", "<, LT", "<=, LTE"})
  void comparisonOperators(String symbol, CompareOp op) throws Exception {
    assertEquals(new Comparison(op, attr(AttributeScope.ANY, "n"), integer(3), null), condition("{ .n " + symbol + " 3 }"));
  }

  @Test
  void regexOperatorsCompileTheirPattern() throws Exception {
    Comparison re = (Comparison) condition("{ name =~ \"GET .*\" }");
    assertEquals(CompareOp.REGEX, re.op());
    assertEquals("GET .*", re.regex().source());
    assertEquals(CompareOp.NOT_REGEX, ((Comparison) condition("{ .x !~ \"a|b\" }")).op());
  }

  @Test
  void literals() throws Exception {
    record Case(String text, Value value) {}
    for (Case c : List.of(
        new Case("\"tab\\t quote\\\" \\u00e9 \\x41 \\101 \\\\\"", new Value.Str("tab\t quote\" é A A \\")),
        new Case("`raw \\n \"x\"`", new Value.Str("raw \\n \"x\"")),
        new Case("42", new Value.Int(42)),
        new Case("-42", new Value.Int(-42)),
        new Case("1.5", new Value.Flt(1.5)),
        new Case("-0.25", new Value.Flt(-0.25)),
        new Case("1e3", new Value.Flt(1000)),
        new Case("100ms", new Value.Duration(100_000_000)),
        new Case("1.5s", new Value.Duration(1_500_000_000)),
        new Case("1h30m", new Value.Duration(5_400_000_000_000L)),
        new Case("2d", new Value.Duration(172_800_000_000_000L)),
        new Case("10us", new Value.Duration(10_000)),
        new Case("10µs", new Value.Duration(10_000)),
        new Case("7ns", new Value.Duration(7)),
        new Case("-1s", new Value.Duration(-1_000_000_000)),
        new Case("true", new Value.Bool(true)),
        new Case("false", new Value.Bool(false)),
        new Case("nil", new Value.Nil()))) {
      assertEquals(eq(attr(AttributeScope.ANY, "x"), new Literal(c.value())), condition("{ .x = " + c.text() + " }"), c.text());
    }
    assertEquals(eq(new IntrinsicRef(Intrinsic.STATUS), new Literal(new Value.Status(StatusCode.ERROR))),
        condition("{ status = error }"));
    assertEquals(new Value.Status(StatusCode.OK), ((Literal) ((Comparison) condition("{ status = ok }")).right()).value());
    assertEquals(new Value.Status(StatusCode.UNSET), ((Literal) ((Comparison) condition("{ status = unset }")).right()).value());
    for (SpanKind kind : SpanKind.values()) {
      String word = kind.name().toLowerCase(java.util.Locale.ROOT);
      assertEquals(eq(new IntrinsicRef(Intrinsic.KIND), new Literal(new Value.Kind(kind))),
          condition("{ kind = " + word + " }"), word);
    }
  }

  @Test
  void andAndOrShareOnePrecedenceLevelLeftToRight() throws Exception {
    FieldExpr a = eq(attr(AttributeScope.ANY, "a"), integer(1));
    FieldExpr b = eq(attr(AttributeScope.ANY, "b"), integer(2));
    FieldExpr c = eq(attr(AttributeScope.ANY, "c"), integer(3));
    assertEquals(new Logical(a, List.of(new Logical.Step(false, b), new Logical.Step(true, c))),
        condition("{ .a = 1 || .b = 2 && .c = 3 }"));
    assertEquals(new Logical(a, List.of(new Logical.Step(false, new Logical(b, List.of(new Logical.Step(true, c)))))),
        condition("{ .a = 1 || (.b = 2 && .c = 3) }"));
    assertEquals(new Not(a), condition("{ !(.a = 1) }"));
    assertEquals(new Not(new Not(attr(AttributeScope.SPAN, "flag"))), condition("{ !!span.flag }"));
  }

  @Test
  void spansetOperatorsBindLooserThanStructuralOnes() throws Exception {
    Filter a = filter(eq(new IntrinsicRef(Intrinsic.NAME), str("a")));
    Filter b = filter(eq(new IntrinsicRef(Intrinsic.NAME), str("b")));
    Filter c = filter(eq(new IntrinsicRef(Intrinsic.NAME), str("c")));
    assertEquals(new Chain(new Chain(a, List.of(new Chain.Step(SpansetOp.CHILD, b))), List.of(new Chain.Step(SpansetOp.AND, c))),
        TraceQLParser.parse("{ name = \"a\" } > { name = \"b\" } && { name = \"c\" }"));
    assertEquals(new Chain(a, List.of(new Chain.Step(SpansetOp.OR, new Chain(b, List.of(new Chain.Step(SpansetOp.DESCENDANT, c)))))),
        TraceQLParser.parse("{ name = \"a\" } || { name = \"b\" } >> { name = \"c\" }"));
    assertEquals(new Chain(new Chain(a, List.of(new Chain.Step(SpansetOp.OR, b))), List.of(new Chain.Step(SpansetOp.CHILD, c))),
        TraceQLParser.parse("({ name = \"a\" } || { name = \"b\" }) > { name = \"c\" }"));
    assertEquals(new Chain(a, List.of(new Chain.Step(SpansetOp.AND, b), new Chain.Step(SpansetOp.OR, c))),
        TraceQLParser.parse("{name=\"a\"}&&{name=\"b\"}||{name=\"c\"}"));
  }

  @Test
  void identifiersForTagApis() throws Exception {
    assertEquals(attr(AttributeScope.SPAN, "http.method"), TraceQLParser.parseIdentifier("span.http.method"));
    assertEquals(attr(AttributeScope.RESOURCE, "service.name"), TraceQLParser.parseIdentifier("resource.service.name"));
    assertEquals(attr(AttributeScope.ANY, "region"), TraceQLParser.parseIdentifier(".region"));
    assertEquals(new IntrinsicRef(Intrinsic.STATUS), TraceQLParser.parseIdentifier("status"));
    assertEquals(new IntrinsicRef(Intrinsic.NAME), TraceQLParser.parseIdentifier("span:name"));
    for (String bad : List.of("region", "span.", "{", "name extra", "", "count")) {
      assertThrows(TraceQLException.class, () -> TraceQLParser.parseIdentifier(bad), bad);
    }
  }

  // --- Errors ---

  @Test
  void syntaxErrorsNameTheProblemAndItsPlace() {
    assertEquals("parse error at line 1, col 1: syntax error: expected '{' or '(' but found the end of the query", error(""));
    assertEquals("parse error at line 1, col 10: syntax error: expected '}' but found the end of the query",
        error("{ .a = 1 "));
    assertEquals("parse error at line 1, col 8: syntax error: expected a value, an attribute or an intrinsic but found '}'",
        error("{ .a = }"));
    assertEquals("parse error at line 2, col 3: syntax error: expected '}' but found '.b'", error("{ .a = 1\n  .b = 2 }"));
    assertError("{ .a = 1 } { .b = 2 }", "col 12: syntax error: unexpected '{'");
    assertError("{ .a = 1 = 2 }", "col 10: syntax error: comparisons cannot be chained");
    assertError("{ .a = 1 } @", "col 12: unexpected character '@'");
    assertError("name = \"x\"", "col 1: syntax error: expected '{' or '(' but found 'name'");
    assertError("({ .a = 1 }", "expected ')' but found the end of the query");
  }

  @Test
  void lexicalErrors() {
    assertError("{ .a = \"open }", "col 8: string not terminated");
    assertError("{ .a = \"line\nbreak\" }", "string not terminated");
    assertError("{ .a = \"\\q\" }", "col 9: invalid escape '\\q' in string");
    assertError("{ .a = \"\\u12\" }", "invalid escape in string");
    assertError("{ duration > 5mins }", "col 14: unknown unit 'mins' in duration '5mins'");
    assertError("{ duration > 1.2.3s }", "invalid duration '1.2.3s'");
    assertError("{ .a = 99999999999999999999 }", "number 99999999999999999999 is out of range");
    assertError("{ span. = 1 }", "col 3: expected an attribute name after 'span.'");
    assertError("{ foo = 1 }", "unknown identifier 'foo'; attributes need a scope or a leading dot: .foo, span.foo");
  }

  @Test
  void typeErrorsAreFoundBeforeRunning() {
    assertError("{ name = 1 }", "col 8: cannot compare name (string) with 1 (int)");
    assertError("{ duration = \"slow\" }", "cannot compare duration (duration) with \"slow\" (string)");
    assertError("{ status = \"error\" }", "cannot compare status (status) with \"error\" (string)");
    assertError("{ kind = error }", "cannot compare kind (kind) with error (status)");
    assertError("{ name > \"a\" }", "operator > is not defined for name (string)");
    assertError("{ .a > \"a\" }", "operator > is not defined for \"a\" (string)");
    assertError("{ duration =~ 5ms }", "operator =~ is not defined for duration (duration)");
    assertError("{ .a = nil && .b > nil }", "operator > is not defined for nil (nil)");
    assertError("{ .a =~ .b }", "the right side of =~ must be a string literal, found .b");
    assertError("{ 1 }", "col 3: expected a condition but found 1 (int)");
    assertError("{ .a = 1 && \"x\" }", "col 13: expected a condition but found \"x\" (string)");
    assertError("{ !name }", "expected a condition but found name (string)");
    assertError("{ .a =~ \"(\" }", "invalid regular expression \"(\": error parsing regexp: missing closing )");
    assertError("{ .a =~ \"(a)\\\\1\" }", "invalid regular expression");
  }

  @Test
  void hugeRegularExpressionsAreRefusedBeforeCompiling() {
    assertError("{ .a =~ \"((a{1000}){1000}){1000}\" }", "regular expression is too large");
    assertError("{ .a =~ \"(\\\\Q" + "x".repeat(1000) + "\\\\E){100}\" }", "regular expression is too large");
    assertError("{ .a =~ \"" + "(".repeat(200) + "a" + ")".repeat(200) + "\" }", "nests groups deeper than 100");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "{ } | count() > 2; col 5: unsupported construct '|' (pipelines and aggregates)",
      "{ .a = 1 } ~ { .b = 1 }; unsupported construct '~' (the sibling operator)",
      "{ .a = 1 } < { .b = 1 }; unsupported construct '<' (the parent operator)",
      "{ .a = 1 } << { .b = 1 }; unsupported construct '<<' (the ancestor operator)",
      "{ .a = 1 } !> { .b = 1 }; unsupported construct '!>' (negated structural operators)",
      "{ .a = 1 } !~ { .b = 1 }; unsupported construct '!~' (negated structural operators)",
      "{ .a = 1 } &>> { .b = 1 }; unsupported construct '&>>' (union structural operators)",
      "{ .a + 1 = 2 }; col 6: unsupported construct '+' (arithmetic)",
      "{ .a = .b * 2 }; unsupported construct '*' (arithmetic)",
      "{ .a = -.b }; unsupported construct '-' (arithmetic)",
      "count() > 1; col 1: unsupported construct 'count' (aggregates)",
      "{ } | by(.a); unsupported construct '|' (pipelines and aggregates)",
      "{ parent.a = 1 }; col 3: unsupported construct 'parent.' (parent attributes)",
      "{ event.name = 1 }; unsupported construct 'event.' (event attributes)",
      "{ link.x = 1 }; unsupported construct 'link.' (link attributes)",
      "{ instrumentation.name = \"x\" }; unsupported construct 'instrumentation.' (instrumentation scope attributes)",
      "{ event:name = \"x\" }; unsupported construct 'event:name' (this intrinsic)",
      "{ link:traceID = \"x\" }; unsupported construct 'link:traceID' (this intrinsic)",
      "{ parent = nil }; unsupported construct 'parent' (the parent intrinsic)"})
  void constructsOutsideTheSubsetAreNamed(String query, String expected) {
    assertError(query, expected);
  }

  @Test
  void hostileNestingIsRefusedWithoutExhaustingTheStack() {
    String parens = "(".repeat(10_000) + "{}" + ")".repeat(10_000);
    assertEquals("parse error at line 1, col 101: the query nests deeper than 100 levels", error(parens));
    assertError("{ " + "(".repeat(10_000) + ".a = 1" + ")".repeat(10_000) + " }", "nests deeper than 100 levels");
    assertError("{ " + "!".repeat(10_000) + ".a }", "nests deeper than 100 levels");
    // Long flat chains are not nesting: they parse and cost no depth.
    String chain = String.join(" && ", java.util.Collections.nCopies(4_000, "{ .a = 1 }"));
    assertEquals(3_999, ((Chain) assertDoesNotThrowParse(chain)).rest().size());
  }

  @Test
  void queriesLongerThanTheBoundAreRefusedUnread() {
    String query = "{ .a = \"" + "x".repeat(1_000_000) + "\" }";
    assertEquals("query is 1000011 characters long; at most 65536 are accepted", error(query));
  }

  private static SpansetExpr assertDoesNotThrowParse(String query) {
    try {
      return TraceQLParser.parse(query);
    } catch (TraceQLException e) {
      throw new AssertionError(e);
    }
  }
}
