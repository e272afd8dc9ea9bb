using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Extensions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>
/// The hostile expressions of issue 24, each with the limit that must stop it. Each one ran out of memory, hung
/// or killed the process before the cost budget; they run in a child process (<see cref="AdversarialLimitTests"/>)
/// so that a regression is a failed test, not a dead test run.
/// </summary>
internal static class AdversarialCases
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A case: its name, the limits that may stop it (any one), and how to run it.</summary>
    /// <param name="Name">Unique, for the child's report.</param>
    /// <param name="Limits">The <see cref="CelLimitExceededException.LimitName"/>s accepted; "value" when finishing normally is allowed too.</param>
    /// <param name="Run">Runs the case.</param>
    public sealed record Case(string Name, string[] Limits, Action Run);

    public static IReadOnlyList<Case> All { get; } =
    [
        new("strings doubled 25 times by map", [nameof(CelLimits.MaxAllocationBytes)], () => Evaluate(Doubling("map", "size(s24)"))),
        new("strings doubled 25 times through Segment.Evaluate", [nameof(CelLimits.MaxAllocationBytes)],
            () => Segment.Compile(Doubling("exists", "size(s24) > 0")).Evaluate(OneMember(0), Now)),
        new("lists of lists of lists", [nameof(CelLimits.MaxAllocationBytes)], () =>
        {
            var hundred = "[" + string.Join(',', Enumerable.Range(0, 100)) + "]";
            Evaluate($"{hundred}.map(a, {hundred}.map(b, {hundred}.map(c, {hundred})))");
        }),
        new("list concatenation doubling", [nameof(CelLimits.MaxAllocationBytes)], () =>
            Evaluate(Nest(20, "[[1,2,3,4,5,6,7,8]]", (inner, k) => $"{inner}.map(l{k}, l{k} + l{k})"))),
        new("four nested exists over 300 purchases (compiled)", [nameof(CelLimits.MaxComprehensionIterations)],
            () => NestedExists().Evaluate(OneMember(300), Now)),
        new("four nested exists over 1,000 purchases (compiled, one person)", [nameof(CelLimits.MaxComprehensionIterations)], () =>
        {
            var table = OneMember(1000);
            NestedExists().Includes(table, table.Persons.First(), Now);
        }),
        new("100 distinct (a|b){n}c patterns", [nameof(CelLimits.MaxRegexCompilationSize)], () =>
            Evaluate(Patterns(Enumerable.Range(901, 100).Select(n => $"(a|b){{{n}}}c")))),
        new("1,000 ([ab]{i}){1,i}c patterns", [nameof(CelLimits.MaxRegexCompilationSize), nameof(CelLimits.MaxRegexProgramSize)], () =>
            Evaluate(Patterns(Enumerable.Range(1, 1000).Select(i => $"([ab]{{{i}}}){{1,{i}}}c")))),
        new("one ([ab]{1000}){1,1000}c pattern", [nameof(CelLimits.MaxRegexProgramSize)], () =>
            Evaluate("'abab'.matches('([ab]{1000}){1,1000}c')")),
        new("5,000 nested parentheses, MaxNestingDepth raised", [nameof(CelLimits.MaxNestingDepth), "value"], () =>
            Evaluate(new string('(', 5000) + "1" + new string(')', 5000), new CelLimits { MaxNestingDepth = 1_000_000 })),
        new("200,000 nested parentheses, no nesting limit", [nameof(CelLimits.MaxNestingDepth)], () =>
            Evaluate(new string('(', 200_000) + "1" + new string(')', 200_000), new CelLimits { MaxNestingDepth = int.MaxValue, MaxExpressionLength = 1_000_000 })),
        new("100,000 negations, no nesting limit", [nameof(CelLimits.MaxNestingDepth), "value"], () =>
            Evaluate(new string('!', 100_000) + "true", new CelLimits { MaxNestingDepth = int.MaxValue, MaxExpressionNodes = 1_000_000, MaxExpressionLength = 1_000_000 })),
        new("100,000 negations in a segment, no nesting limit", [nameof(CelLimits.MaxNestingDepth), "value"], () =>
            Segment.Compile(new string('!', 100_000) + "blocked", new CelLimits { MaxNestingDepth = int.MaxValue, MaxExpressionNodes = 1_000_000, MaxExpressionLength = 1_000_000 })
                .Evaluate(OneMember(0), Now)),
        new("lists.range of two billion", [nameof(CelLimits.MaxAllocationBytes)], () => Evaluate("lists.range(2000000000).size() > 0", extensions: true)),
        new("a long text with a code point replaced by itself", [nameof(CelLimits.MaxAllocationBytes)], () =>
            Evaluate($"'{new string('a', 10_000)}'.replace('', '{new string('b', 10_000)}').size() > 0", extensions: true)),
        new("a long list joined with a long separator", [nameof(CelLimits.MaxAllocationBytes)], () =>
            Evaluate($"lists.range(100000).map(i, '').join('{new string('s', 10_000)}').size() > 0", extensions: true)),
        new("a long text split into code points", [nameof(CelLimits.MaxAllocationBytes)], () =>
            Evaluate(Nest(7, $"['{new string('a', 10_000)}']", (inner, k) => $"{inner}.map(s{k}, s{k} + s{k})") + ".exists(s, s.split('').size() > 0)", extensions: true)),
        new("a member's attribute with a long text put between its letters twice (compiled)", [nameof(CelLimits.MaxAllocationBytes)], () =>
        {
            var table = OneMember(0);
            table.SetAttribute(table.Persons.First(), "note", new string('n', 256));
            var filler = new string('f', 1000);
            var segment = Segment.Compile($"attributes.note.replace('', '{filler}').replace('', '{filler}').size() > 0");
            if (!segment.IsCompiled)
            {
                throw new InvalidOperationException("The replace must take the compiled path: " + segment.InterpretedBecause);
            }

            segment.Evaluate(table, Now);
        }),
    ];

    /// <summary><c>['aaa...'].map(s0, [s0+s0].map(s1, ... body))</c>: 25 levels, each string twice the last.</summary>
    private static string Doubling(string macro, string body) =>
        $"['{new string('a', 1000)}'].{macro}(s0, " + Nest(24, body, (inner, k) => $"[s{k - 1}+s{k - 1}].{macro}(s{k}, {inner})", descending: true) + ")";

    // Wraps `seed` `levels` times: k runs from 1 up (or from `levels` down, for the innermost-first doubling).
    private static string Nest(int levels, string seed, Func<string, int, string> wrap, bool descending = false)
    {
        var text = seed;
        for (var i = 1; i <= levels; i++)
        {
            text = wrap(text, descending ? levels - i + 1 : i);
        }

        return text;
    }

    private static string Patterns(IEnumerable<string> patterns) =>
        "[" + string.Join(", ", patterns.Select(p => $"'{p}'")) + "].exists(p, 'abab'.matches(p))";

    private static Segment NestedExists()
    {
        var segment = Segment.Compile("purchases.exists(a, purchases.exists(b, purchases.exists(c, purchases.exists(d, a.amount + b.amount + c.amount + d.amount < 0.0))))");
        return segment.IsCompiled ? segment : throw new InvalidOperationException("The nested exists must take the compiled path: " + segment.InterpretedBecause);
    }

    private static void Evaluate(string text, CelLimits? limits = null, bool extensions = false)
    {
        var environment = CelEnvironment.Create(limits);
        if (extensions)
        {
            environment = CelExtensions.All.Aggregate(environment, (e, library) => e.WithLibrary(library));
        }

        environment.Evaluate(environment.Compile(text), Activation.Empty);
    }

    private static MemberTable OneMember(int purchases)
    {
        var table = new MemberTable();
        var who = Identifier.WebMember("heavy");
        table.Append(new Interaction(who, Now.AddDays(-1), InteractionKind.FriendAdded));
        for (var i = 0; i < purchases; i++)
        {
            table.Append(new Purchase("O" + i.ToString(CultureInfo.InvariantCulture), who, Now.AddDays(-i - 1), 100 + i, "JPY", PurchaseChannel.FromName("store")));
        }

        return table;
    }
}
