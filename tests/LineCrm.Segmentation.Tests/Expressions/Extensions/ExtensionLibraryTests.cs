using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Segmentation.Expressions.Syntax;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Expressions.Extensions;

/// <summary>How libraries plug into an environment, and which of them segments have on and compile.</summary>
public sealed class ExtensionLibraryTests
{
    private static readonly Activation Empty = new(new Dictionary<string, object>(StringComparer.Ordinal));

    [Theory]
    [InlineData("'Ab'.lowerAscii() == 'ab'")]
    [InlineData("math.abs(-1) == 1")]
    [InlineData("cel.bind(x, 1, x == 1)")]
    [InlineData("optional.of(1).hasValue()")]
    [InlineData("{'a': 1}.exists(k, v, v == 1)")]
    public void Extensions_are_off_until_enabled(string expression)
    {
        Assert.ThrowsAny<CelException>(() => CelEnvironment.Create().Compile(expression));
        var environment = CelEnvironment.Create().WithLibraries(CelExtensions.All);
        Assert.Equal(true, environment.Evaluate(environment.Compile(expression), Empty));
    }

    /// <summary>
    /// <c>lastIndexOf</c> with empty strings answers as cel-go. The random-segment agreement property found
    /// <c>'a'.lastIndexOf('', 0)</c> failing with .NET's ArgumentOutOfRangeException instead of answering 0.
    /// </summary>
    [Theory]
    [InlineData("''.lastIndexOf('')", 0L)]
    [InlineData("''.lastIndexOf('', 0)", 0L)]
    [InlineData("''.lastIndexOf('a')", -1L)]
    [InlineData("''.lastIndexOf('a', 0)", -1L)]
    [InlineData("'a'.lastIndexOf('', 0)", 0L)]
    [InlineData("'ab'.lastIndexOf('b', 1)", 1L)]
    public void LastIndexOf_with_empty_strings_answers_as_cel_go(string expression, long expected)
    {
        var environment = CelEnvironment.Create().WithLibraries(CelExtensions.All);
        Assert.Equal(expected, environment.Evaluate(environment.Compile(expression), Empty));
    }

    [Fact]
    public void Enabling_a_library_twice_changes_nothing()
    {
        var once = CelEnvironment.Create().WithLibrary(CelExtensions.Strings);
        Assert.Same(once, once.WithLibrary(CelExtensions.Strings));
        Assert.Contains("cel.lib.ext.strings", once.Libraries);
    }

    [Fact]
    public void A_host_library_adds_functions_and_macros_the_same_way()
    {
        var environment = CelEnvironment.Create().WithLibrary(new ShopLibrary());
        var twice = environment.Compile("shop.twice(21)");
        Assert.Equal(42L, environment.Evaluate(twice, Empty));
        var unless = environment.Compile("unless(false, 'yes')");
        Assert.Equal("yes", environment.Evaluate(unless, Empty));
    }

    [Theory]
    [InlineData("cel.bind(a.b, 1, true)")]
    [InlineData("[1].all(i, i, true)")]
    [InlineData("math.greatest()")]
    [InlineData("math.greatest('a', 1)")]
    public void Malformed_macro_calls_are_syntax_errors(string expression)
    {
        var environment = CelEnvironment.Create().WithLibraries(CelExtensions.All);
        Assert.Throws<CelSyntaxException>(() => environment.Parse(expression));
    }

    [Fact]
    public void Optional_syntax_needs_the_optional_library()
    {
        var error = Assert.Throws<CelCheckException>(() => CelEnvironment.Create().Compile("{'a': 1}.?a.hasValue()"));
        Assert.Contains(error.Errors, e => e.Kind == CelCheckErrorKind.UndeclaredFunction);
    }

    [Theory]
    [InlineData("cel.bind(spend, totalSpend, spend > 100.0 && math.greatest(spend, 2.0) > 1.0)")]
    [InlineData("purchases.exists(p, p.channel.upperAscii().indexOf('STO') == 0 && p.store.substring(0, 1) != 'x')")]
    [InlineData("math.abs(size(tags) - 3) <= 1 && math.isFinite(math.sqrt(totalSpend))")]
    [InlineData("cel.bind(plan, attributes['plan'].trim(), plan.lowerAscii() == 'gold' || plan.replace('-', '') == 'vip')")]
    public void Segments_compile_strings_math_and_bindings(string expression)
    {
        var segment = Segment.Compile(expression);
        Assert.True(segment.IsCompiled, segment.InterpretedBecause);
    }

    [Theory]
    [InlineData("attributes.?plan.orValue('free') != 'free'", "'attributes'")]
    [InlineData("tags.join(',').contains('vip')", "join")]
    [InlineData("math.greatest(totalSpend, 1) > 0.0", "different kinds")]
    public void Segments_leave_the_rest_to_the_interpreter(string expression, string reason)
    {
        var segment = Segment.Compile(expression);
        Assert.False(segment.IsCompiled);
        Assert.Contains(reason, segment.InterpretedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoders_and_two_variable_comprehensions_are_not_on_for_segments() =>
        Assert.ThrowsAny<CelException>(() => Segment.Compile("base64.encode(b'a') == 'YQ=='"));

    private sealed class ShopLibrary : ICelLibrary
    {
        public string Name => "test.shop";

        public CelEnvironment Configure(CelEnvironment environment) => environment
            .WithFunction("shop.twice", FunctionOverload.Global("shop_twice_int", [CelType.Int], CelType.Int, a => (long)a[0] * 2))
            .WithMacro(new CelMacro("unless", 2, IsReceiver: false, (f, call) =>
                f.Call(call.Offset, null, Operators.Conditional, call.Args[0], f.Literal(call.Offset, LiteralKind.Null, null), call.Args[1])));
    }
}
