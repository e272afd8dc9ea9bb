using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Segments;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>
/// Segment expressions from the segment generator (see <see cref="Cases"/> for how many), printed and then mutated token by token (deleted,
/// duplicated, swapped, wrapped in deep nesting, given huge literals or hostile calls), go through
/// <see cref="Segment.Compile"/> and an evaluation over a small table: the only exceptions that may come out are
/// <see cref="CelException"/>s. Anything else (a <c>SecurityException</c> from a zone lookup, an
/// <c>InvalidCastException</c> of the compiler, a stack overflow) fails the property with the text.
/// </summary>
public sealed partial class MutatedSegmentFuzzTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Smaller than the defaults so that hostile inputs fail fast; the limits themselves are the same code.
    private static readonly CelLimits Limits = new()
    {
        MaxComprehensionIterations = 5_000,
        MaxAllocationBytes = 1_000_000,
        MaxRegexProgramSize = 500,
        MaxRegexCompilationSize = 1_000,
    };

    private static readonly MemberTable Table = BuildTable();

    private static readonly string[] Insertions =
    [
        "(", ")", "!", "-", "&&", "||", "?", ":", ".", ",", "[", "]", "{", "}", "==", "<", "+", "*", "/", "%", " in ",
        "size(", "purchases", "interactions", "tags", "attributes", ".exists(p, ", ".all(p, ", ".filter(p, ", ".map(p, ",
        "p.amount", "p.channel", "now", "days(", "timestamp(", "duration(", "int(", "double(", "string(", "dyn(",
        ".getHours('America')", ".getHours('Asia/')", ".getHours('+99:00')", ".getFullYear('Etc/GMT-14')",
        ".matches('\\p{Greek}+')", ".matches('((a{100}){100}){100}')", ".matches('(a|b){1000}c')", ".matches('[')",
        "'" + new string('x', 20_000) + "'", "99999999999999999999", "-9223372036854775808", "1e999", "0x", "1u", "b'\\xff'",
        new string('(', 150), new string(')', 150), new string('!', 500), "\u00e9", "\U0001F431", "\\", "'", "\"",
    ];

    private static Arbitrary<string> MutatedSegments =>
        (from segment in RandomSegments.Predicates()
         from mutations in Gen.ArrayOf(Mutation(), 1).SelectMany(first => Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Mutation(), n)).Select(more => first.Concat(more).ToArray()))
         select mutations.Aggregate(SegmentPrinter.Print(segment), Mutate))
        .ToArbitrary();

    /// <summary>
    /// 2,000 mutants by default, in four parts (each well inside the hang watchdog); LINECRM_FUZZ_SEGMENTS=100000 runs
    /// the issue's 100,000, which the default cannot afford in CI until the cost of a case is measured and cut.
    /// </summary>
    public static int Cases =>
        System.Environment.GetEnvironmentVariable("LINECRM_FUZZ_SEGMENTS") is { Length: > 0 } cases
            ? int.Parse(cases, System.Globalization.CultureInfo.InvariantCulture)
            : 2_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Mutated_segments_give_only_CEL_errors(int part)
    {
        Assert.InRange(part, 1, 4);
        Prop.ForAll(MutatedSegments, Survives).Check(Config.QuickThrowOnFailure.WithMaxTest(Math.Max(1, Cases / 4)).WithEndSize(8));
    }

    private static bool Survives(string text)
    {
        Segment segment;
        try
        {
            segment = Segment.Compile(text, Limits);
        }
        catch (CelException)
        {
            return true;
        }

        try
        {
            if (segment.Program is { } program && !FullyCompiled(text))
            {
                // Turning the trees into IL costs far more than everything else here, so most mutants that
                // compile run on the segment interpreter, which walks the very trees the IL is made from.
                foreach (var person in Table.Persons)
                {
                    try
                    {
                        SegmentInterpreter.Evaluate(program.Root, Table, Table.RowOf(person), Now.UtcTicks, Limits);
                    }
                    catch (CelRuntimeError)
                    {
                    }
                }
            }
            else
            {
                // The whole-table path (column tests and compiled rest, or the interpreter) and the per-person path.
                segment.Evaluate(Table, Now);
                foreach (var person in Table.Persons)
                {
                    try
                    {
                        segment.Includes(Table, person, Now);
                    }
                    catch (CelEvaluationException)
                    {
                    }
                }
            }
        }
        catch (CelException)
        {
        }

        return true;
    }

    [Fact]
    public void The_mutations_reach_every_layer()
    {
        // Not every mutant is broken: some compile and run, so the evaluators are exercised, not just the parser.
        // Mutants with a single mutation, and many of them: with up to four, a sample of 200 was sometimes all
        // syntax errors.
        var singlyMutated =
            from segment in RandomSegments.Predicates()
            from mutation in Mutation()
            select Mutate(SegmentPrinter.Print(segment), mutation);
        var texts = singlyMutated.Sample(1_000, 8);
        var compiled = 0;
        var refusals = new List<string>();
        foreach (var text in texts)
        {
            try
            {
                Segment.Compile(text, Limits);
                compiled++;
            }
            catch (CelException e)
            {
                refusals.Add(e.Message);
            }
        }

        Assert.True(compiled >= 1 && compiled < texts.Length, $"{compiled} of {texts.Length} mutants compiled; refusals: {string.Join(" | ", refusals.Take(5))}");
    }

    // One compiled mutant in 64 also runs as generated code, chosen by its text so a failure reproduces.
    private static bool FullyCompiled(string text) => (text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 63) == 0;

    private static Gen<(int Kind, int At, int Other, string Insertion)> Mutation() =>
        from kind in Gen.Choose(0, 5)
        from at in Gen.Choose(0, 1000)
        from other in Gen.Choose(0, 1000)
        from insertion in Gen.Elements(Insertions)
        select (kind, at, other, insertion);

    private static string Mutate(string text, (int Kind, int At, int Other, string Insertion) mutation)
    {
        var tokens = Token().Matches(text).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
        {
            return mutation.Insertion;
        }

        var i = mutation.At % tokens.Count;
        var j = mutation.Other % tokens.Count;
        switch (mutation.Kind)
        {
            case 0:
                tokens.RemoveRange(Math.Min(i, j), Math.Min(Math.Abs(i - j) + 1, 4));
                break;
            case 1:
                tokens.InsertRange(i, tokens.GetRange(Math.Min(i, j), Math.Min(Math.Abs(i - j) + 1, 6)));
                break;
            case 2:
                (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                break;
            case 3:
                // Deep nesting around a token.
                var depth = 20 + (mutation.Other % 200);
                tokens[i] = new string('(', depth) + tokens[i] + new string(')', depth);
                break;
            case 4:
                tokens.Insert(i, mutation.Insertion);
                break;
            default:
                tokens[i] = mutation.Insertion;
                break;
        }

        return string.Join(' ', tokens);
    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""|[A-Za-z_][A-Za-z0-9_]*|\d+(\.\d+)?|&&|\|\||[<>=!]=|\S")]
    private static partial Regex Token();

    private static MemberTable BuildTable()
    {
        var table = new MemberTable();
        for (var i = 0; i < 3; i++)
        {
            var who = Identifier.WebMember($"w{i}");
            var person = table.Append(new Interaction(who, Now.AddDays(-10 * i), InteractionKind.Clicked) { CampaignId = "spring" });
            for (var p = 0; p < 4 * i; p++)
            {
                table.Append(new Purchase($"o{i}-{p}", who, Now.AddDays(-p - 1), 500 * p, "JPY", PurchaseChannel.FromName(p % 2 == 0 ? "store" : "web")) { StoreId = "shibuya" });
            }

            table.SetTag(person, "vip");
            table.SetAttribute(person, "plan", "gold");
        }

        return table;
    }
}
