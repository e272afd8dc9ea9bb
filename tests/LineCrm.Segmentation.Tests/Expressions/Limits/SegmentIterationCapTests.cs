using System.Globalization;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Expressions.Limits;

/// <summary>
/// Compiled segments honour <see cref="CelLimits.MaxComprehensionIterations"/> per person, as the interpreter does:
/// the static estimate picks the uncounted code when the table's worst person fits, the counting code otherwise.
/// </summary>
public sealed class SegmentIterationCapTests
{
    private const string Pairs = "purchases.exists(a, purchases.exists(b, a.amount + b.amount == 7.0))";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (MemberTable Table, PersonId Light, PersonId Heavy) Table(int lightPurchases, int heavyPurchases)
    {
        var table = new MemberTable();
        var light = Person(table, "light", lightPurchases);
        var heavy = Person(table, "heavy", heavyPurchases);
        return (table, light, heavy);
    }

    private static PersonId Person(MemberTable table, string name, int purchases)
    {
        var who = Identifier.WebMember(name);
        var person = table.Append(new Interaction(who, Now.AddDays(-1), InteractionKind.FriendAdded));
        for (var i = 0; i < purchases; i++)
        {
            table.Append(new Purchase(name + i.ToString(CultureInfo.InvariantCulture), who, Now.AddDays(-i - 1), 1 + i, "JPY", PurchaseChannel.FromName("store")));
        }

        return person;
    }

    [Fact]
    public void The_estimate_multiplies_nested_loops_by_the_longest_lists()
    {
        var segment = Segment.Compile(Pairs);
        var root = segment.Program!.Root;

        // Three purchases at most: 3 * (1 + 3) iterations for the worst person.
        Assert.Equal(12, SegmentCost.WorstCaseIterations(root, new CollectionSizes(3, 0, 0)));
        Assert.Equal(0, SegmentCost.WorstCaseIterations(Segment.Compile("totalSpend > 10.0").Program!.Root, new CollectionSizes(100, 100, 100)));
    }

    [Fact]
    public void A_table_whose_worst_person_fits_runs_uncounted_code()
    {
        var (table, _, _) = Table(2, 3);
        var segment = Segment.Compile(Pairs, new CelLimits { MaxComprehensionIterations = 12 });

        Assert.False(segment.Program!.NeedsIterationCap(table));
    }

    [Fact]
    public void A_person_past_the_cap_stops_the_compiled_evaluation_with_the_limit_error()
    {
        var (table, light, heavy) = Table(2, 4);
        var limits = new CelLimits { MaxComprehensionIterations = 12 };
        var segment = Segment.Compile(Pairs, limits);
        Assert.True(segment.IsCompiled);
        Assert.True(segment.Program!.NeedsIterationCap(table));

        // 1 + 6 = 7: amounts 1 and 6 of the heavy person, found only after more than 12 iterations.
        var one = Assert.Throws<CelLimitExceededException>(() => segment.Includes(table, heavy, Now));
        Assert.Equal(nameof(CelLimits.MaxComprehensionIterations), one.LimitName);
        Assert.Equal(12, one.Limit);
        Assert.Equal(nameof(CelLimits.MaxComprehensionIterations), Assert.Throws<CelLimitExceededException>(() => segment.Evaluate(table, Now)).LimitName);

        // The light person fits the cap in the counting code, with the same answer as the interpreter.
        Assert.False(segment.Includes(table, light, Now));
        Assert.Equal(nameof(CelLimits.MaxComprehensionIterations),
            Assert.Throws<CelLimitExceededException>(() => MemberSchema.Create(limits).Evaluate(segment.Checked, new MemberActivation(table, table.RowOf(heavy), Now))).LimitName);
    }

    [Fact]
    public void The_counting_code_gives_the_same_answers_as_the_plain_code_under_the_cap()
    {
        var (table, light, heavy) = Table(3, 5);
        var capped = Segment.Compile(Pairs, new CelLimits { MaxComprehensionIterations = 1000 });
        var plain = Segment.Compile(Pairs);

        // 5 * (1 + 5) = 30 iterations at most: a cap of 1000 is never reached, but 30 > 29 forces the counting code.
        var counting = Segment.Compile(Pairs, new CelLimits { MaxComprehensionIterations = 29 });
        Assert.True(counting.Program!.NeedsIterationCap(table));
        Assert.False(capped.Program!.NeedsIterationCap(table));
        foreach (var person in new[] { light, heavy })
        {
            Assert.Equal(plain.Includes(table, person, Now), counting.Includes(table, person, Now));
        }

        Assert.Equal(plain.Evaluate(table, Now).Members.Count, counting.Evaluate(table, Now).Members.Count);
    }
}
