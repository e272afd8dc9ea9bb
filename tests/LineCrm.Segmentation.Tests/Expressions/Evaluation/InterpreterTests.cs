using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Tests.Expressions.Evaluation;

public sealed class InterpreterTests
{
    private static readonly CelEnvironment Environment = TestDeclarations.Environment();

    private static object Evaluate(string text, Activation? activation = null) =>
        Environment.Evaluate(Environment.Compile(text), activation ?? Activation.Empty);

    private static object EvaluateUnchecked(string text, Activation? activation = null) =>
        Environment.EvaluateUnchecked(Environment.Parse(text), activation ?? Activation.Empty);

    [Theory]
    [InlineData("7 / 0", "division_by_zero", "divide by zero")]
    [InlineData("7 % 0", "division_by_zero", "modulus by zero")]
    [InlineData("7u / 0u", "division_by_zero", "divide by zero")]
    [InlineData("9223372036854775807 + 1", "overflow", "int addition overflows")]
    [InlineData("-9223372036854775808 - 1", "overflow", "int subtraction overflows")]
    [InlineData("4611686018427387904 * 2", "overflow", "int multiplication overflows")]
    [InlineData("-(-9223372036854775808)", "overflow", "int negation overflows")]
    [InlineData("-9223372036854775808 / -1", "overflow", "int division overflows")]
    [InlineData("0u - 1u", "overflow", "uint subtraction overflows")]
    [InlineData("18446744073709551615u * 2u", "overflow", "uint multiplication overflows")]
    [InlineData("int(1e19)", "range", "int conversion of a double is out of range")]
    [InlineData("int(18446744073709551615u)", "range", "out of range")]
    [InlineData("uint(-1)", "range", "uint conversion of a negative int is out of range")]
    [InlineData("int('12x')", "invalid_argument", "cannot convert '12x' to int")]
    [InlineData("bool('yes')", "invalid_argument", "cannot convert 'yes' to bool")]
    [InlineData("string(b'\\xff')", "invalid_argument", "not valid UTF-8")]
    [InlineData("timestamp('2024-13-01T00:00:00Z')", "invalid_argument", "not a valid date")]
    [InlineData("timestamp('10000-01-01T00:00:00Z')", "invalid_argument", "not an RFC 3339 timestamp")]
    [InlineData("timestamp(253402300800)", "range", "timestamp is out of range")]
    [InlineData("timestamp('9999-12-31T23:59:59Z') + duration('1s')", "range", "timestamp is out of range")]
    [InlineData("duration('9999999999999s')", "range", "duration is out of range")]
    [InlineData("duration('1d')", "invalid_argument", "not a duration")]
    [InlineData("[1, 2][2]", "invalid_argument", "index 2 out of range for a list of size 2")]
    [InlineData("[1, 2][dyn(0.5)]", "invalid_argument", "invalid list index 0.5")]
    [InlineData("{'a': 1}['b']", "no_such_key", "no such key: 'b'")]
    [InlineData("tags.vip", "no_such_key", "no such key: 'vip'")]
    [InlineData("{1.5: 'a'}.size() == 1", "invalid_argument", "unsupported key type: double")]
    [InlineData("{'a': 1, 'a': 2}", "invalid_argument", "Failed with repeated key: 'a'")]
    [InlineData("'abc'.matches('(a')", "invalid_argument", "invalid regular expression '(a'")]
    [InlineData("{1: 2}.a", "no_such_key", "no such key: 'a'")]
    [InlineData("dyn([1]).a", "invalid_argument", "type 'list' does not support field selection")]
    [InlineData("'aa'.matches('(a)\\\\1')", "invalid_argument", "backreferences are not RE2 syntax")]
    [InlineData("timestamp('2024-01-01T00:00:00Z').getHours('Mars/Olympus')", "invalid_argument", "unknown time zone 'Mars/Olympus'")]
    [InlineData("timestamp('2024-01-01T00:00:00Z').getHours('../../etc/passwd')", "invalid_argument", "unknown time zone")]
    [InlineData("dyn('a') - 1", "no_matching_overload", "no matching overload for '-' applied to (string, int)")]
    [InlineData("dyn([1]) < dyn([2])", "no_matching_overload", "no matching overload for '<' applied to (list, list)")]
    [InlineData("dyn(1).size()", "no_matching_overload", "no matching overload for 'size' applied to (int)")]
    [InlineData("age > 1", "unknown_variable", "undeclared reference to 'age'")]
    public void Raises_each_runtime_error_with_its_kind(string text, string kind, string reason)
    {
        var tags = TestDeclarations.Bindings(("tags", new Dictionary<string, object> { ["x"] = 1 }));
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate(text, tags));
        Assert.Equal(kind, error.Kind);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line >= 1 && error.Column >= 1);
    }

    [Fact]
    public void A_runtime_error_names_the_line_and_column_of_the_failing_operation()
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate("1 +\n  (2 / 0)"));
        Assert.Equal((2, 6), (error.Line, error.Column));
        Assert.Equal("Evaluation error at 2:6: divide by zero", error.Message);
    }

    [Theory]
    [InlineData("1/0 == 1 || true", true)]
    [InlineData("true || 1/0 == 1", true)]
    [InlineData("1/0 == 1 && false", false)]
    [InlineData("false && 1/0 == 1", false)]
    [InlineData("dyn('x') || true", true)]
    [InlineData("true || dyn('x')", true)]
    [InlineData("dyn(1) && false", false)]
    [InlineData("true ? 1 : 1/0", 1L)]
    [InlineData("false ? 1/0 : 2", 2L)]
    [InlineData("[0, 1].exists(x, 1/x == 1)", true)]
    [InlineData("[1, 0].exists(x, 1/x == 1)", true)]
    [InlineData("[0, 1].all(x, 1/x == 5)", false)]
    [InlineData("[1, 'a'].exists(x, x == 'a')", true)]
    public void And_or_conditional_and_quantifiers_absorb_errors_in_both_orders(string text, object expected)
    {
        Assert.Equal(expected, Evaluate(text));
        Assert.Equal(expected, EvaluateUnchecked(text));
    }

    [Theory]
    [InlineData("1/0 == 1 || false", "divide by zero")]
    [InlineData("false || 1/0 == 1", "divide by zero")]
    [InlineData("1/0 == 1 && true", "divide by zero")]
    [InlineData("true && 1/0 == 1", "divide by zero")]
    [InlineData("(1/0 == 1) ? 1 : 2", "divide by zero")]
    [InlineData("[0, 1].all(x, 1/x == 1)", "divide by zero")]
    [InlineData("[0, 1].exists(x, 1/x == 5)", "divide by zero")]
    [InlineData("[1, 0].exists_one(x, 1/x == 1)", "divide by zero")]
    [InlineData("[1, 0].map(x, 1/x)", "divide by zero")]
    [InlineData("[1, 0].filter(x, 1/x == 1)", "divide by zero")]
    [InlineData("[1, 2].map(x, x > 1, 1/0)", "divide by zero")]
    public void Errors_that_nothing_decides_propagate(string text, string reason)
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate(text));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dyn('a') || dyn('b')", "no matching overload for '||'")]
    [InlineData("dyn('a') ? 1 : 2", "no matching overload for '?:'")]
    [InlineData("[1, 2].exists(x, dyn(x))", "no matching overload")]
    [InlineData("[1, 2].filter(x, dyn(x))", "no matching overload for 'filter'")]
    public void Non_bool_conditions_are_runtime_errors_when_unchecked(string text, string reason)
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate(text));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dyn(1) == 1.0", true)]
    [InlineData("dyn(1u) == 1", true)]
    [InlineData("dyn(-1) < 1u", true)]
    [InlineData("dyn(2.5) > 2u", true)]
    [InlineData("0.0/0.0 == 0.0/0.0", false)]
    [InlineData("dyn(0.0/0.0) < 1", false)]
    [InlineData("dyn(0.0/0.0) >= 1", false)]
    [InlineData("dyn(1) == 'a'", false)]
    [InlineData("[1, 2u, 3.0] == [1u, 2.0, 3]", true)]
    [InlineData("{1: 'a', 2u: 'b'} == {1u: 'a', 2: 'b'}", true)]
    [InlineData("{'a': [1]} == {'a': [1, 2]}", false)]
    [InlineData("'\u00e9' > 'z'", true)]
    [InlineData("'\uffff' < '\U0001F600'", true)]
    [InlineData("b'\\x80' > b'\\x7f'", true)]
    [InlineData("type(1) == int && type(1u) != int && type(type(1)) == type", true)]
    [InlineData("dyn(2.0) in [1, 2]", true)]
    [InlineData("2.0 in {1: 'a', 2u: 'b'}", true)]
    [InlineData("2.5 in {1: 'a', 2u: 'b'}", false)]
    public void Equality_and_ordering_work_across_numeric_types(string text, bool expected)
    {
        Assert.Equal(expected, EvaluateUnchecked(text));
    }

    [Theory]
    [InlineData("string(1.5)", "1.5")]
    [InlineData("string(1e6)", "1e+06")]
    [InlineData("string(123456.0)", "123456")]
    [InlineData("string(0.0001)", "0.0001")]
    [InlineData("string(0.00001)", "1e-05")]
    [InlineData("string(-0.0)", "-0")]
    [InlineData("string(1.0/0.0)", "+Inf")]
    [InlineData("string(duration('1m1ms'))", "60.001s")]
    [InlineData("string(duration('-1.5h'))", "-5400s")]
    [InlineData("string(timestamp('2024-02-29T12:00:00.120+09:00'))", "2024-02-29T03:00:00.12Z")]
    [InlineData("string(18446744073709551615u)", "18446744073709551615")]
    [InlineData("string(b'\\xe2\\x9c\\x8c')", "\u270c")]
    public void Converts_to_string_like_the_reference_implementation(string text, string expected)
    {
        Assert.Equal(expected, Evaluate(text));
    }

    [Theory]
    [InlineData("timestamp('2023-12-25T00:00:00Z').getDate('America/Los_Angeles')", 24L)]
    [InlineData("timestamp('2023-12-25T12:00:00Z').getDayOfWeek()", 1L)]
    [InlineData("timestamp('2023-12-25T12:00:00Z').getDayOfYear()", 358L)]
    [InlineData("timestamp('2024-03-31T18:00:00Z').getHours('Asia/Tokyo')", 3L)]
    [InlineData("timestamp('2024-03-31T18:00:00Z').getDate('Asia/Tokyo')", 1L)]
    [InlineData("timestamp('2024-03-31T18:00:00Z').getMonth('Asia/Tokyo')", 3L)]
    [InlineData("timestamp('2024-07-01T00:30:00Z').getHours('Europe/London')", 1L)]
    [InlineData("timestamp('2024-01-01T00:30:00Z').getHours('Europe/London')", 0L)]
    [InlineData("timestamp('2024-01-01T00:30:00Z').getMinutes('+05:45')", 15L)]
    [InlineData("timestamp('1969-12-31T23:59:59.999Z').getMilliseconds()", 999L)]
    [InlineData("duration('1h30m').getMinutes()", 90L)]
    [InlineData("duration('-1.234s').getMilliseconds()", -234L)]
    public void Reads_calendar_fields_in_any_time_zone(string text, long expected)
    {
        Assert.Equal(expected, Evaluate(text));
    }

    [Theory]
    [InlineData("'a\\nb'.matches('a$')", false)]
    [InlineData("'ab'.matches('b$')", true)]
    [InlineData("'\u0661\u0662'.matches('^\\\\d+$')", false)]
    [InlineData("'12'.matches('^\\\\d+$')", true)]
    [InlineData("'\U0001F431'.matches('^.$')", true)]
    [InlineData("'\U0001F431\U0001F431'.matches('^\U0001F431+$')", true)]
    [InlineData("'x-1'.matches('^[[:alpha:]]-[[:digit:]]$')", true)]
    [InlineData("'Ab'.matches('(?i)^ab$')", true)]
    [InlineData("'a.b'.matches('\\\\Qa.b\\\\E')", true)]
    [InlineData("'axb'.matches('\\\\Qa.b\\\\E')", false)]
    [InlineData("matches('name=x', '(?P<key>\\\\w+)=')", true)]
    [InlineData("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('^(a+)+$')", false)]
    public void Matches_follows_RE2_on_a_linear_time_engine(string text, bool expected)
    {
        // The last case is the classic catastrophic-backtracking pattern: a backtracking engine takes
        // exponential time on it; a non-backtracking one answers at once.
        Assert.Equal(expected, Evaluate(text));
    }

    [Fact]
    public void Declared_object_types_and_host_functions_are_reachable_and_nothing_else()
    {
        var purchases = new[]
        {
            TestDeclarations.NewPurchase("2024-01-05T10:00:00+09:00", 1200.0, "store"),
            TestDeclarations.NewPurchase("2024-02-10T10:00:00+09:00", 300.0),
        };
        var activation = new Activation(new Dictionary<string, object>
        {
            ["purchases"] = new CelList(purchases),
            ["crm.score"] = 0.5,
        });

        Assert.Equal(true, Evaluate("purchases.exists(p, p.channel == 'store' && p.amount > 1000.0)", activation));
        Assert.Equal(1500.0, Evaluate("total(purchases)", activation));
        Assert.Equal(new CelList([true, false]), Evaluate("purchases.map(p, p.spentOver(500.0))", activation), CelValueComparer.Instance);
        Assert.Equal(new CelList([true, false]), Evaluate("purchases.map(p, has(p.channel))", activation), CelValueComparer.Instance);
        Assert.Equal(string.Empty, Evaluate("purchases[1].channel", activation));
        Assert.Equal(2L, Evaluate("purchases.filter(p, p.at.getMonth('Asia/Tokyo') < 2).size()", activation));
        Assert.Equal(0.5, Evaluate("crm.score", activation));
        Assert.Equal(true, Evaluate("Purchase{amount: 5.0}.amount == 5.0 && !has(Purchase{}.channel)", activation));
        Assert.Throws<CelCheckException>(() => Environment.Compile("purchases[0].GetType()"));
        Assert.Throws<CelCheckException>(() => Environment.Compile("System.IO.File.ReadAllText('/etc/passwd')"));
        var unchecked_ = Assert.Throws<CelEvaluationException>(() => EvaluateUnchecked("System.IO.File.ReadAllText('/etc/passwd')"));
        Assert.Equal("unknown_variable", unchecked_.Kind);
    }

    [Fact]
    public void The_comprehension_budget_stops_a_runaway_expression_and_is_never_absorbed()
    {
        var environment = CelEnvironment.Create(new CelLimits { MaxComprehensionIterations = 50 });
        var nested = "[1,2,3,4,5,6,7,8].map(a, [1,2,3,4,5,6,7,8].map(b, a * b))";
        var error = Assert.Throws<CelLimitExceededException>(() => environment.Evaluate(environment.Compile(nested + " == [] || true"), Activation.Empty));
        Assert.Equal(nameof(CelLimits.MaxComprehensionIterations), error.LimitName);
        Assert.Equal(50, error.Limit);
        Assert.Equal((1, 47), (error.Line, error.Column)); // the inner map(

        var fits = CelEnvironment.Create(new CelLimits { MaxComprehensionIterations = 72 });
        Assert.IsType<CelList>(fits.Evaluate(fits.Compile(nested), Activation.Empty));
    }

    [Fact]
    public void The_regex_limits_apply_to_patterns()
    {
        var environment = CelEnvironment.Create(new CelLimits { MaxRegexLength = 10 });
        var error = Assert.Throws<CelLimitExceededException>(() => environment.Evaluate(environment.Compile("'a'.matches('aaaaaaaaaaa')"), Activation.Empty));
        Assert.Equal(nameof(CelLimits.MaxRegexLength), error.LimitName);

        // RE2 caps repetition counts (an invalid pattern); an automaton too large to build is refused before it is.
        Assert.Throws<CelEvaluationException>(() => Evaluate("'a'.matches('a{1001}')"));
        var tooLarge = Assert.Throws<CelLimitExceededException>(() => Evaluate("'a'.matches('((a{100}){100}){100}')"));
        Assert.Equal(nameof(CelLimits.MaxRegexProgramSize), tooLarge.LimitName);
    }

    [Fact]
    public void Each_failure_reports_its_own_position_even_for_a_cached_bad_pattern()
    {
        var first = Assert.Throws<CelEvaluationException>(() => Evaluate("'a'.matches('[')"));
        var second = Assert.Throws<CelEvaluationException>(() => Evaluate("true &&\n  'b'.matches('[')"));
        Assert.Equal((1, 12), (first.Line, first.Column));
        Assert.Equal((2, 14), (second.Line, second.Column));
    }

    [Fact]
    public void Unchecked_evaluation_resolves_the_longest_dotted_name_at_run_time()
    {
        var activation = new Activation(new Dictionary<string, object>
        {
            ["a.b"] = CelValueConverter.FromClr(new Dictionary<string, string> { ["c"] = "from a.b" }),
            ["a"] = CelValueConverter.FromClr(new Dictionary<string, object> { ["x"] = 1 }),
        });
        Assert.Equal("from a.b", EvaluateUnchecked("a.b.c", activation));
        Assert.Equal(1L, EvaluateUnchecked("a.x", activation));
        Assert.Equal(true, EvaluateUnchecked("[{'b': 2}].exists(a, a.b == 2)", activation));
    }

    [Fact]
    public void Limits_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CelEnvironment.Create(new CelLimits { MaxNestingDepth = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => CelEnvironment.Create(new CelLimits { RegexTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Converts_dotnet_values_into_an_activation()
    {
        var activation = Activation.FromClr(
        [
            new("age", 42),
            new("name", "Aiko"),
            new("tags", new Dictionary<string, int> { ["vip"] = 3 }),
            new("crm.score", 0.25m),
        ]);
        Assert.Equal(true, Evaluate("age == 42 && name.startsWith('A') && tags.vip == 3 && crm.score == 0.25", activation));
    }
}
