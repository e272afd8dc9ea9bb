using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Tests.Expressions.Syntax;

public sealed class ParserTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "_+_(1, _*_(2, 3))")]
    [InlineData("(1 + 2) * 3", "_*_(_+_(1, 2), 3)")]
    [InlineData("1 - 2 - 3", "_-_(_-_(1, 2), 3)")]
    [InlineData("a || b && c", "_||_(a, _&&_(b, c))")]
    [InlineData("a ? b : c ? d : e", "_?_:_(a, b, _?_:_(c, d, e))")]
    [InlineData("x in [1, 2,]", "@in(x, [1, 2])")]
    [InlineData("a < b == c", "_==_(_<_(a, b), c)")]
    [InlineData("!!x", "!_(!_(x))")]
    [InlineData("-x.y", "-_(x.y)")]
    [InlineData("a.b.c[0].d(e)", "_[_](a.b.c, 0).d(e)")]
    [InlineData("f(1, 'two')", "f(1, 'two')")]
    [InlineData(".x + y", "_+_(.x, y)")]
    [InlineData("{'a': 1, 2u: 3.5}", "{'a': 1, 2u: 3.5d}")]
    [InlineData("a.`content-type`", "a.content-type")]
    [InlineData("google.protobuf.Int32Value{value: 1}", "google.protobuf.Int32Value{value: 1}")]
    [InlineData("has(a.b)", "has(a.b)")]
    [InlineData("xs.exists(x, x > 1)", "Exists(xs, x, _>_(x, 1))")]
    [InlineData("xs.map(x, x * 2)", "Map(xs, x, _*_(x, 2))")]
    [InlineData("xs.map(x, x > 0, x * 2)", "Map(xs, x, _>_(x, 0), _*_(x, 2))")]
    [InlineData("xs.all(x, true) && xs.exists_one(y, y) && xs.filter(z, z)", "_&&_(_&&_(All(xs, x, true), ExistsOne(xs, y, y)), Filter(xs, z, z))")]
    [InlineData("xs.all(x)", "xs.all(x)")]
    [InlineData("a.package()", "a.package()")]
    [InlineData("1 // a comment\n + 2", "_+_(1, 2)")]
    public void Parses_the_grammar_with_the_specified_precedence(string text, string expected)
    {
        Assert.Equal(expected, AstPrinter.Print(Parser.Parse(text).Root));
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("0x2A", "42")]
    [InlineData("42u", "42u")]
    [InlineData("0x2AU", "42u")]
    [InlineData("-9223372036854775808", "-9223372036854775808")]
    [InlineData("18446744073709551615u", "18446744073709551615u")]
    [InlineData("1.5", "1.5d")]
    [InlineData(".5", "0.5d")]
    [InlineData("1e3", "1000d")]
    [InlineData("2.5E-1", "0.25d")]
    [InlineData("-2.5", "-2.5d")]
    [InlineData("--5", "-_(-5)")]
    [InlineData("-(5)", "-_(5)")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    public void Reads_number_and_keyword_literals(string text, string expected)
    {
        Assert.Equal(expected, AstPrinter.Print(Parser.Parse(text).Root));
    }

    [Theory]
    [InlineData(@"'a\'b'", "a'b")]
    [InlineData(@"""\a\b\f\n\r\t\v\\\?\""\'\`""", "\a\b\f\n\r\t\v\\?\"'`")]
    [InlineData(@"'\x41\X42\u00e9\U0001F431\101'", "AB\u00e9\U0001F431A")]
    [InlineData(@"'\377'", "\u00ff")]
    [InlineData(@"r'\n\x'", @"\n\x")]
    [InlineData(@"R""\d+""", @"\d+")]
    [InlineData("'''it's \"x\"\nnext'''", "it's \"x\"\nnext")]
    [InlineData("\"\"\"a\"\"b\"\"\"", "a\"\"b")]
    [InlineData("r'''\\n'''", "\\n")]
    public void Decodes_every_string_escape(string text, string expected)
    {
        var literal = Assert.IsType<LiteralExpr>(Parser.Parse(text).Root);
        Assert.Equal(expected, literal.Value);
    }

    [Theory]
    [InlineData(@"b'abc'", new byte[] { 97, 98, 99 })]
    [InlineData("b'\u00ff'", new byte[] { 0xC3, 0xBF })]
    [InlineData(@"b'\303\277'", new byte[] { 0xC3, 0xBF })]
    [InlineData(@"b'\377\xff\x00'", new byte[] { 0xFF, 0xFF, 0x00 })]
    [InlineData(@"b'\u00e9'", new byte[] { 0xC3, 0xA9 })]
    [InlineData(@"br'\x'", new byte[] { 92, 120 })]
    public void Decodes_bytes_literals_with_octets_and_utf8(string text, byte[] expected)
    {
        var literal = Assert.IsType<LiteralExpr>(Parser.Parse(text).Root);
        Assert.Equal(expected, ((System.Collections.Immutable.ImmutableArray<byte>)literal.Value!).ToArray());
    }

    [Theory]
    [InlineData("1 +", 1, 4, "expected an expression but found the end of the expression")]
    [InlineData("1 @ 2", 1, 3, "unexpected character '@'")]
    [InlineData("(1 + 2", 1, 7, "expected ')'")]
    [InlineData("[1, 2", 1, 6, "expected ']' of the list")]
    [InlineData("{1: 2", 1, 6, "expected '}' of the map")]
    [InlineData("{1 2}", 1, 4, "expected ':' after the map key")]
    [InlineData("a ? b", 1, 6, "expected ':' of the conditional")]
    [InlineData("f(1,)", 1, 5, "expected an expression")]
    [InlineData("a.", 1, 3, "expected a field name")]
    [InlineData("a.1", 1, 2, "expected end of expression but found '.1'")]
    [InlineData("if", 1, 1, "'if' is a reserved word")]
    [InlineData("x + while", 1, 5, "'while' is a reserved word")]
    [InlineData("'abc", 1, 1, "unterminated string literal")]
    [InlineData("'''abc''", 1, 1, "unterminated string literal")]
    [InlineData("'a\nb'", 1, 3, "newline in a single-quoted string literal")]
    [InlineData(@"'\q'", 1, 2, @"invalid escape sequence \q")]
    [InlineData(@"'\x4'", 1, 2, @"escape \x needs 2 hexadecimal digits")]
    [InlineData(@"'\uD83D\uDE00'", 1, 2, "invalid code point U+D83D")]
    [InlineData(@"'\U00110000'", 1, 2, "invalid code point")]
    [InlineData(@"'\400'", 1, 2, @"invalid escape sequence \4")]
    [InlineData(@"'\12'", 1, 2, "octal escape needs three octal digits")]
    [InlineData(@"b'\U0001F431'", 1, 3, @"\U escapes are not allowed in bytes literals")]
    [InlineData("0x", 1, 1, "hexadecimal literal without digits")]
    [InlineData("9223372036854775808", 1, 1, "integer literal 9223372036854775808 is out of range")]
    [InlineData("-9223372036854775809", 1, 2, "out of range")]
    [InlineData("18446744073709551616u", 1, 1, "out of range")]
    [InlineData("1e400", 1, 1, "double literal 1e400 is out of range")]
    [InlineData("has(a)", 1, 1, "has() takes one field selection")]
    [InlineData("xs.all(x.y, true)", 1, 9, "the first argument of all() must be a simple name")]
    [InlineData("a.`b", 1, 3, "unterminated quoted field name")]
    [InlineData("a.`b!`", 1, 5, "is not allowed in a quoted field name")]
    [InlineData("1 +\n  2 *\n  )", 3, 3, "expected an expression but found ')'")]
    [InlineData("'héllo' + 🐱", 1, 11, "unexpected character U+1F431")]
    public void Reports_syntax_errors_with_line_and_column(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<CelSyntaxException>(() => Parser.Parse(text));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Syntax error at {line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_lone_surrogate_in_the_text()
    {
        var error = Assert.Throws<CelSyntaxException>(() => Parser.Parse("'a\uD800'"));
        Assert.Equal((1, 3), (error.Line, error.Column));
    }

    [Fact]
    public void Gives_every_node_a_unique_id_and_counts_them()
    {
        var parsed = Parser.Parse("{'a': [1, 2]}.a.exists(x, x == 2) ? f(3) : P{q: 4}");
        var ids = new List<int>();
        var pending = new Stack<Expr>([parsed.Root]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            ids.Add(node.Id);
            foreach (var child in SyntaxTree.Children(node))
            {
                pending.Push(child);
            }
        }

        // 15 expression nodes; the map entry, the object field and the macro's variable name take ids too.
        Assert.Equal(15, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(18, parsed.NodeCount);
        Assert.All(ids, id => Assert.InRange(id, 1, parsed.NodeCount));
    }

    [Fact]
    public void Positions_point_at_operators_and_names()
    {
        var parsed = Parser.Parse("alpha +\n  beta.gamma");
        var plus = Assert.IsType<CallExpr>(parsed.Root);
        Assert.Equal((1, 7), parsed.Locate(plus));
        Assert.Equal((1, 1), parsed.Locate(plus.Args[0]));
        var select = Assert.IsType<SelectExpr>(plus.Args[1]);
        Assert.Equal((2, 7), parsed.Locate(select));
        Assert.Equal((2, 3), parsed.Locate(select.Operand));
    }

    [Fact]
    public void Accepts_the_repetitions_the_language_definition_requires()
    {
        Parser.Parse(string.Join(" || ", Enumerable.Repeat("a", 32)));
        Parser.Parse(string.Join(" && ", Enumerable.Repeat("a", 32)));
        Parser.Parse("f(" + string.Join(", ", Enumerable.Range(0, 32)) + ")");
        Parser.Parse("[" + string.Join(", ", Enumerable.Range(0, 32)) + "]");
        Parser.Parse("{" + string.Join(", ", Enumerable.Range(0, 32).Select(i => $"{i}: {i}")) + "}");
        Parser.Parse(string.Concat(Enumerable.Repeat("a ? b : ", 24)) + "c");
        Parser.Parse(string.Join(" + ", Enumerable.Range(0, 25)));
        Parser.Parse(string.Concat(Enumerable.Repeat("f(", 12)) + "1" + new string(')', 12));
        Parser.Parse("a" + string.Concat(Enumerable.Repeat(".b", 12)));
        Parser.Parse("a" + string.Concat(Enumerable.Repeat("[0]", 12)));
        Parser.Parse(new string('[', 12) + new string(']', 12));
        Parser.Parse(new string('(', 32) + "7" + new string(')', 32));
    }

    [Theory]
    [InlineData(101, "(")]
    [InlineData(101, "[")]
    [InlineData(101, "-")]
    public void Stops_at_the_nesting_depth_limit(int depth, string opener)
    {
        var text = opener switch
        {
            "(" => new string('(', depth) + "1" + new string(')', depth),
            "[" => new string('[', depth) + new string(']', depth),
            _ => string.Concat(Enumerable.Repeat("-", depth)) + "x",
        };
        var error = Assert.Throws<CelLimitExceededException>(() => Parser.Parse(text));
        Assert.Equal(nameof(CelLimits.MaxNestingDepth), error.LimitName);
        Assert.Equal(100, error.Limit);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void A_long_chain_of_one_operator_is_deep_too()
    {
        // 1 + 1 + ... is a left-leaning tree as deep as it is long: the depth limit covers it, so no later layer
        // can overflow its stack walking it.
        var limits = new CelLimits { MaxNestingDepth = 20 };
        Parser.Parse(string.Join(" + ", Enumerable.Repeat("1", 20)), limits);
        var error = Assert.Throws<CelLimitExceededException>(() => Parser.Parse(string.Join(" + ", Enumerable.Repeat("1", 21)), limits));
        Assert.Equal(nameof(CelLimits.MaxNestingDepth), error.LimitName);
        Assert.Equal((1, 79), (error.Line, error.Column));
    }

    [Fact]
    public void Stops_at_the_length_and_node_limits()
    {
        var length = Assert.Throws<CelLimitExceededException>(() => Parser.Parse(new string(' ', 101) + "1", new CelLimits { MaxExpressionLength = 100 }));
        Assert.Equal(nameof(CelLimits.MaxExpressionLength), length.LimitName);

        var list = "[" + string.Join(", ", Enumerable.Range(0, 60)) + "]";
        var nodes = Assert.Throws<CelLimitExceededException>(() => Parser.Parse(list, new CelLimits { MaxExpressionNodes = 50 }));
        Assert.Equal(nameof(CelLimits.MaxExpressionNodes), nodes.LimitName);
        Assert.Equal(50, nodes.Limit);
        Parser.Parse(list, new CelLimits { MaxExpressionNodes = 61 });
    }
}
