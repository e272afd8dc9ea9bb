using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Evaluation;

namespace LineCrm.Segmentation.Tests.Expressions;

/// <summary>
/// Hostile input never crashes or hangs any layer: random text and mutated valid expressions go through the
/// parser, the checker, and the interpreter (checked and unchecked), and the only exceptions that may come out
/// are the documented <see cref="CelException"/> subclasses. Anything else fails the property with the input.
/// </summary>
public sealed class FuzzTests
{
    private static readonly CelEnvironment Environment =
        TestDeclarations.Environment(new CelLimits { MaxComprehensionIterations = 20_000, MaxNestingDepth = 60 });

    private static readonly Activation Bindings = new(new Dictionary<string, object>
    {
        ["purchases"] = new CelList([TestDeclarations.NewPurchase("2024-01-05T10:00:00Z", 12.5, "store"), TestDeclarations.NewPurchase("2024-03-01T00:00:00Z", 3.0)]),
        ["tags"] = CelValueConverter.FromClr(new Dictionary<string, long> { ["vip"] = 1, ["new"] = 0 }),
        ["age"] = 42L,
        ["name"] = "Aiko",
        ["crm.score"] = 0.75,
    });

    private static readonly string[] Corpus =
    [
        "1 + 2 * 3 - -4 / 2 % 3",
        "age >= 18 && name.startsWith('A') || !(tags.vip == 1)",
        "purchases.exists(p, p.channel == 'store' && p.amount > 10.0)",
        "purchases.map(p, p.amount).filter(a, a > 1.0).size() == 2",
        "purchases.all(p, has(p.channel)) ? 'yes' : \"no\"",
        "[1, 2u, 3.5, 'four', b'five', null, true, [6], {7: 8}][dyn(3)]",
        "{'a': 1, 'b': [2, 3]}.b[1] + tags['vip']",
        "timestamp('2024-02-29T12:34:56.789+09:00').getHours('Asia/Tokyo') + duration('1h30m').getMinutes()",
        "string(int('42') + 1) + string(uint(7)) + string(double('1.5')) + string(bytes('x'))",
        "type(crm.score) == double && dyn(1) == 1.0 && 9223372036854775807 > 1",
        "name.matches('^[A-Z][a-z]+$') && 'a\\tb\\u00e9\\U0001F431\\x41\\101'.contains('A')",
        "[[1, 2], [3]].exists_one(l, l.size() == 1) && [1, 2, 3].map(x, x > 1, x * x) == [4, 9]",
        "google.protobuf.Int32Value{value: 5} == 5 && Purchase{amount: 1.0}.amount == 1.0",
        "total(purchases) > 10.0 && purchases[0].spentOver(1.0) && r'\\d' == '\\\\d'",
        "'''multi\nline''' + r\"raw\\n\" + '\\'' // comment\n",
        ".age + age - (age * 1) in [42, 43] && {true: 1}[true] == 1",
    ];

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-", "+", "*", "/", "%", "<", "<=", ">", ">=", "==",
        "!=", "&&", "||", " in ", "'", "\"", "'''", "`", "\\", "b'", "r'", "0", "1", "9223372036854775808", "0x",
        "u", "1.5", "e10", "true", "null", "age", "name", "purchases", "tags", "p", "x", ".exists(x, ", ".map(x, ",
        ".all(", "has(", "size(", "dyn(", "int(", "timestamp(", "duration(", ".matches(", "'(a+)+'", "\n", " ",
        "\u00e9", "\U0001F431", "if", "//", "google.protobuf.Int32Value{value: ", "[1,2,3]",
    ];

    private static Arbitrary<string> RandomText =>
        Gen.ListOf(Gen.OneOf(Gen.Elements(Fragments), Gen.Choose(0, 0x7F).Select(c => ((char)c).ToString())))
            .Select(parts => string.Concat(parts.Take(40)))
            .ToArbitrary();

    private static Arbitrary<string> MutatedExpression =>
        (from source in Gen.Elements(Corpus)
         from mutations in Gen.ListOf(Mutation)
         select mutations.Take(4).Aggregate(source, (text, m) => Mutate(text, m.Kind, m.At, m.Other, m.Fragment)))
        .ToArbitrary();

    private static Gen<(int Kind, int At, int Other, string Fragment)> Mutation =>
        from kind in Gen.Choose(0, 4)
        from at in Gen.Choose(0, 10_000)
        from other in Gen.Choose(0, 10_000)
        from fragment in Gen.Elements(Fragments)
        select (kind, at, other, fragment);

    [Property(MaxTest = 400)]
    public Property Random_text_never_crashes_any_layer() =>
        Prop.ForAll(RandomText, text => RunEveryLayer(text));

    [Property(MaxTest = 1500)]
    public Property Mutated_valid_expressions_never_crash_any_layer() =>
        Prop.ForAll(MutatedExpression, text => RunEveryLayer(text));

    [Property(MaxTest = 600)]
    public Property Checked_and_unchecked_evaluation_agree_on_well_typed_expressions() =>
        Prop.ForAll(MutatedExpression, text =>
        {
            // The checker only resolves names and overloads ahead of time: it must never change a result.
            CheckedExpressionOrNull(text, out var parsed, out var checkedExpression);
            if (checkedExpression is null)
            {
                return true;
            }

            var withCheck = Outcome(() => Environment.Evaluate(checkedExpression, Bindings));
            var withoutCheck = Outcome(() => Environment.EvaluateUnchecked(parsed!, Bindings));
            return withCheck == withoutCheck;
        });

    [Fact]
    public void The_corpus_itself_is_valid()
    {
        foreach (var text in Corpus)
        {
            Assert.IsNotType<CelError>(Environment.Evaluate(Environment.Compile(text), Bindings));
        }
    }

    private static bool RunEveryLayer(string text)
    {
        CheckedExpressionOrNull(text, out var parsed, out var checkedExpression);
        if (parsed is not null)
        {
            Outcome(() => Environment.EvaluateUnchecked(parsed, Bindings));
        }

        if (checkedExpression is not null)
        {
            Outcome(() => Environment.Evaluate(checkedExpression, Bindings));
        }

        return true;
    }

    private static void CheckedExpressionOrNull(
        string text,
        out LineCrm.Segmentation.Expressions.Syntax.ParsedExpression? parsed,
        out LineCrm.Segmentation.Expressions.Checking.CheckedExpression? checkedExpression)
    {
        parsed = null;
        checkedExpression = null;
        try
        {
            parsed = Environment.Parse(text);
            checkedExpression = Environment.Check(parsed);
        }
        catch (CelException e) when (e is CelSyntaxException or CelCheckException or CelLimitExceededException)
        {
        }
    }

    /// <summary>A comparable summary of an evaluation: its value, or the kind of documented error.</summary>
    private static string Outcome(Func<object> evaluate)
    {
        try
        {
            var value = evaluate();
            return CelValueTypes.TypeName(value) + ":" + CelValueFormatter.Format(value);
        }
        catch (CelEvaluationException e)
        {
            return "error:" + e.Kind;
        }
        catch (CelLimitExceededException e)
        {
            return "limit:" + e.LimitName;
        }
    }

    private static string Mutate(string text, int kind, int at, int other, string fragment)
    {
        if (text.Length == 0)
        {
            return fragment;
        }

        var position = at % (text.Length + 1);
        var second = other % (text.Length + 1);
        var (from, to) = (Math.Min(position, second), Math.Max(position, second));
        var mutated = kind switch
        {
            0 => text.Remove(from, Math.Min(to - from, 8)),
            1 => text.Insert(position, fragment),
            2 => text[..from] + fragment + text[Math.Min(text.Length, from + 1)..],
            3 => text.Insert(position, text[from..to]),
            _ => text[position..] + text[..position],
        };

        // Never split a surrogate pair: a lone surrogate is rejected by the parser at once, which would
        // hide everything else from the fuzzer.
        return string.Concat(mutated.EnumerateRunes().Select(r => r.ToString()));
    }
}
