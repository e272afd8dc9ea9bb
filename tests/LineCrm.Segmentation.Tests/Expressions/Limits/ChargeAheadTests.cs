using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using LineCrm.Segmentation.Expressions.Extensions;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>
/// Extension functions whose results can outgrow their arguments (replace, split, join, lists.range) charge the
/// budget before they build: the charge is the exact size of what they return, so the smallest budget that lets
/// them run is the size of the result and one byte less refuses them.
/// </summary>
public sealed class ChargeAheadTests
{
    private static CelEnvironment Environment(long bytes) =>
        CelExtensions.All.Aggregate(CelEnvironment.Create(new CelLimits { MaxAllocationBytes = bytes }), (e, library) => e.WithLibrary(library));

    private static object Evaluate(string text, long bytes)
    {
        var environment = Environment(bytes);
        return environment.Evaluate(environment.Compile(text), Activation.Empty);
    }

    // Header and two bytes a character, as CelCostBudget estimates a string.
    private static long StringBytes(long length) => CelCostBudget.HeaderBytes + (length * CelCostBudget.BytesPerChar);

    [Theory]
    [InlineData("'abcb'.replace('b', 'xyz')", 8, 0)]
    [InlineData("'abcb'.replace('b', 'xyz', 1)", 6, 0)]
    [InlineData("'ab'.replace('', '--')", 8, 0)]
    [InlineData("['ab', 'c', ''].join('::')", 7, 3)]
    [InlineData("['ab', 'c'].join()", 3, 2)]
    public void A_string_result_is_charged_exactly_before_it_is_built(string text, long length, long listLiteral)
    {
        // A list literal is charged as it is built: a header and a reference for each element.
        var bytes = StringBytes(length) + (listLiteral == 0 ? 0 : CelCostBudget.HeaderBytes + (listLiteral * CelCostBudget.BytesPerListElement));
        Assert.IsType<string>(Evaluate(text, bytes));
        var error = Assert.Throws<CelLimitExceededException>(() => Evaluate(text, bytes - 1));
        Assert.Equal(nameof(CelLimits.MaxAllocationBytes), error.LimitName);
    }

    [Fact]
    public void A_split_is_charged_for_its_list_and_its_parts()
    {
        // 'a,bb,ccc' -> 3 parts, 6 characters: the list (header + 3 references) and 3 strings.
        var bytes = CelCostBudget.HeaderBytes + (3 * CelCostBudget.BytesPerListElement) + (3 * CelCostBudget.HeaderBytes) + (6 * CelCostBudget.BytesPerChar);
        Assert.Equal(3L, Evaluate("'a,bb,ccc'.split(',').size()", bytes));
        Assert.Throws<CelLimitExceededException>(() => Evaluate("'a,bb,ccc'.split(',').size()", bytes - 1));
    }

    [Fact]
    public void A_range_past_the_budget_is_refused_before_its_list_exists()
    {
        var error = Assert.Throws<CelLimitExceededException>(() => Evaluate("lists.range(2000000000).size()", CelLimits.Default.MaxAllocationBytes));
        Assert.Equal(nameof(CelLimits.MaxAllocationBytes), error.LimitName);
        Assert.Equal(1000L, Evaluate("lists.range(1000).size()", CelLimits.Default.MaxAllocationBytes));
    }

    [Fact]
    public void Errors_of_the_function_stay_CEL_errors_after_the_charge()
    {
        var error = Assert.Throws<CelEvaluationException>(() => Evaluate("[1, 'a'].join(',') == ''", CelLimits.Default.MaxAllocationBytes));
        Assert.Equal("invalid_argument", error.Kind);
    }

    private static Gen<string> Text() =>
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements('a', 'b', ',', '\uD83D'), n)).Select(chars =>
            new string([.. chars.SelectMany(c => c == '\uD83D' ? new[] { c, '\uDE00' } : [c])]));

    /// <summary>The reference for each size is the length of what the function actually returns.</summary>
    [Property(MaxTest = 500)]
    public Property Sizes_computed_ahead_equal_the_sizes_of_the_results() =>
        Prop.ForAll(
            (from text in Text()
             from old in Gen.Elements(string.Empty, "a", "ab", ",", "\uD83D\uDE00")
             from replacement in Gen.Elements(string.Empty, "x", "xyz", "a")
             from count in Gen.Choose(-1, 4)
             select (text, old, replacement, (long)count)).ToArbitrary(),
            input =>
            {
                var (text, old, replacement, count) = input;
                var replaced = StringsFunctions.Replace(text, old, replacement, count).Length;
                var parts = StringsFunctions.Split(text, old, count);
                var joined = StringsFunctions.Join(parts, replacement).Length;
                var budget = new CelCostBudget(CelLimits.Default, new RegexCache());
                ResultSizes.ChargeSplit(budget, text, old, count);
                var splitBytes = parts.Count == 0 ? 0 : CelCostBudget.HeaderBytes + (parts.Count * CelCostBudget.BytesPerListElement)
                    + parts.Items.Sum(p => CelCostBudget.HeaderBytes + (((string)p).Length * CelCostBudget.BytesPerChar));
                return ResultSizes.Replaced(text, old, replacement, count) == replaced
                    && ResultSizes.SplitParts(text, old, count) == parts.Count
                    && ResultSizes.Joined(parts, replacement) == joined
                    && budget.AllocatedBytes == splitBytes + (parts.Count == 0 ? CelCostBudget.HeaderBytes : 0);
            });

    [Theory]
    [InlineData(100, true)]
    [InlineData(10, false)]
    public void Compiled_code_and_the_segment_interpreter_refuse_the_same_long_replace(long maxAllocationBytes, bool fits)
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var table = new Segmentation.Members.MemberTable();
        var who = LineCrm.Identity.Identifier.WebMember("m");
        table.Append(new LineCrm.Events.Interaction(who, now.AddDays(-1), LineCrm.Events.InteractionKind.FriendAdded));
        table.SetAttribute(table.Persons.First(), "plan", "gold");
        var limits = new CelLimits { MaxAllocationBytes = maxAllocationBytes };

        // 'gold' with '--' before every code point and at the end: 14 characters, 28 bytes, so 10 bytes cannot hold it.
        var segment = Segmentation.Segments.Segment.Compile("attributes.plan.replace('', '--').size() == 14", limits);
        Assert.True(segment.IsCompiled, segment.InterpretedBecause);
        var row = table.RowOf(table.Persons.First());
        if (fits)
        {
            Assert.Single(segment.Evaluate(table, now).Members);
            Assert.Equal(true, Segmentation.Segments.SegmentInterpreter.Evaluate(segment.Program!.Root, table, row, now.UtcTicks, limits));
        }
        else
        {
            Assert.Equal(nameof(CelLimits.MaxAllocationBytes), Assert.Throws<CelLimitExceededException>(() => segment.Evaluate(table, now)).LimitName);
            Assert.Equal(nameof(CelLimits.MaxAllocationBytes), Assert.Throws<CelLimitExceededException>(
                () => Segmentation.Segments.SegmentInterpreter.Evaluate(segment.Program!.Root, table, row, now.UtcTicks, limits)).LimitName);
        }
    }
}
