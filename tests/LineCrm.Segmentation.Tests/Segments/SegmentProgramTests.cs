using System.Numerics;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

public sealed class SegmentProgramTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly NowExpr NowNode = new();

    private static ConstantExpr Str(string s) => new ConstantExpr(SegmentType.String, s);

    private static ConstantExpr Int(long n) => new ConstantExpr(SegmentType.Int, n);

    private static ArithmeticExpr DaysAgo(long days) =>
        new ArithmeticExpr(ArithmeticOp.Subtract, NowNode, new DaysExpr(Int(days)), SegmentType.Timestamp);

    /// <summary>The issue's example: <c>!blocked &amp;&amp; lastClickAt &gt; now - days(365) &amp;&amp; purchases.filter(p, p.at &gt; now - days(365)).size() &gt;= 2 &amp;&amp; purchases.exists(p, p.channel == "store")</c>.</summary>
    private static AndExpr ActiveRepeatStoreBuyers()
    {
        var p = new VariableExpr(0, SegmentType.Purchase, "p");
        var q = new VariableExpr(1, SegmentType.Purchase, "p");
        var purchases = new CollectionExpr(Collection.Purchases, null);
        return new AndExpr(
            new AndExpr(
                new AndExpr(
                    new NotExpr(new MemberFieldExpr(MemberField.Blocked)),
                    new CompareExpr(Comparison.Greater, new MemberFieldExpr(MemberField.LastClickAt), DaysAgo(365))),
                new CompareExpr(
                    Comparison.GreaterOrEqual,
                    new CountExpr(purchases, p, new CompareExpr(Comparison.Greater, new ElementFieldExpr(p, ElementField.PurchaseAt), DaysAgo(365))),
                    Int(2))),
            new QuantifierExpr(Quantifier.Exists, purchases, q, new CompareExpr(Comparison.Equal, new ElementFieldExpr(q, ElementField.PurchaseChannel), Str("store"))));
    }

    [Fact]
    public void The_issue_example_selects_exactly_the_active_repeat_store_buyers()
    {
        var table = new MemberTable();
        PersonId Member(string name, bool blocked, int clickedDaysAgo, params (int DaysAgo, string Channel)[] orders)
        {
            var who = Identifier.WebMember(name);
            var person = table.Append(new Interaction(who, Now.AddDays(-500), InteractionKind.FriendAdded));
            if (blocked)
            {
                table.Append(new Interaction(who, Now.AddDays(-10), InteractionKind.Blocked));
            }

            table.Append(new Interaction(who, Now.AddDays(-clickedDaysAgo), InteractionKind.Clicked));
            foreach (var (daysAgo, channel) in orders)
            {
                table.Append(new Purchase($"{name}-{daysAgo}", who, Now.AddDays(-daysAgo), 1000m, "JPY", PurchaseChannel.FromName(channel)));
            }

            return person;
        }

        var yes = Member("yes", false, 30, (10, "store"), (200, "web"));
        Member("blocked", true, 30, (10, "store"), (200, "web"));
        Member("no-recent-click", false, 400, (10, "store"), (200, "web"));
        Member("one-recent-purchase", false, 30, (10, "store"), (400, "store"));
        Member("never-in-store", false, 30, (10, "web"), (20, "app"));
        var oldStoreOrder = Member("old-store-order-counts", false, 30, (10, "web"), (20, "web"), (900, "store"));

        var program = SegmentProgram.Compile(ActiveRepeatStoreBuyers());
        var result = program.EvaluateAll(table, Now.UtcTicks);
        var set = new MemberSet(table, result.Rows, result.Included);

        Assert.Equal(2, program.ColumnTestCount);
        Assert.Equal([yes, oldStoreOrder], set);
        Assert.All(result.Errors, w => Assert.Equal(0UL, w));
        Assert.True(program.EvaluateOne(table, table.RowOf(yes), Now.UtcTicks));
        Assert.False(program.EvaluateOne(table, table.RowOf(new PersonId(2)), Now.UtcTicks));
    }

    [Fact]
    public void An_error_left_of_and_is_absorbed_when_a_comprehension_on_the_right_is_false()
    {
        // Regression: the expression compiler reuses IL locals, so the comprehension's error variable once held
        // the exception caught on the left and raised it although the comprehension was simply false.
        var table = new MemberTable();
        var person = table.Append(new Interaction(Identifier.WebMember("W1"), Now, InteractionKind.FriendAdded));
        table.SetAttribute(person, "plan", "gold");
        var p = new VariableExpr(0, SegmentType.Purchase, "p");
        var segment = new AndExpr(
            new CompareExpr(Comparison.Equal, new AttributeExpr("city"), Str("osaka")),
            new QuantifierExpr(Quantifier.Exists, new CollectionExpr(Collection.Purchases, null), p, new StringTestExpr(StringTest.EndsWith, Str("vip"), new AttributeExpr("plan"))));

        var program = SegmentProgram.Compile(segment);

        Assert.False((bool)SegmentInterpreter.Evaluate(segment, table, 0, Now.UtcTicks));
        Assert.False(program.EvaluateOne(table, 0, Now.UtcTicks));
        Assert.Equal(0UL, program.EvaluateAll(table, Now.UtcTicks).Errors[0]);
    }

    [Fact]
    public void A_member_independent_part_that_fails_is_an_error_only_where_nothing_else_decides()
    {
        var table = new MemberTable();
        var open = table.Append(new Interaction(Identifier.WebMember("open"), Now, InteractionKind.FriendAdded));
        var blocked = table.Append(new Interaction(Identifier.WebMember("blocked"), Now, InteractionKind.Blocked));
        var segment = new AndExpr(
            new NotExpr(new MemberFieldExpr(MemberField.Blocked)),
            new CompareExpr(Comparison.Greater, new MemberFieldExpr(MemberField.LastClickAt), DaysAgo(200_000)));

        var program = SegmentProgram.Compile(segment);
        var result = program.EvaluateAll(table, Now.UtcTicks);

        Assert.True(Bits.Get(result.Errors, table.RowOf(open)));
        Assert.False(Bits.Get(result.Errors, table.RowOf(blocked)));
        Assert.All(result.Included, w => Assert.Equal(0UL, w));
        Assert.Equal(CelRuntimeError.Overflow, Assert.Throws<CelRuntimeError>(() => program.EvaluateOne(table, table.RowOf(open), Now.UtcTicks)).Kind);
        Assert.False(program.EvaluateOne(table, table.RowOf(blocked), Now.UtcTicks));
    }

    [Fact]
    public void A_table_large_enough_for_both_cores_gives_the_same_members_as_one_at_a_time()
    {
        // 300,000 rows is above the parallel threshold; every 7th person is blocked, every 3rd clicked recently.
        const int Persons = 300_000;
        var table = new MemberTable();
        var expected = 0;
        for (var i = 0; i < Persons; i++)
        {
            var who = new Identifier(IdentifierType.WebMember, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.Append(new Interaction(who, Now.AddDays(-(i % 3 == 0 ? 5 : 500)), InteractionKind.Clicked));
            if (i % 7 == 0)
            {
                table.Append(new Interaction(who, Now, InteractionKind.Blocked));
            }

            expected += i % 7 != 0 && i % 3 == 0 ? 1 : 0;
        }

        var segment = new AndExpr(
            new NotExpr(new MemberFieldExpr(MemberField.Blocked)),
            new CompareExpr(Comparison.Greater, new MemberFieldExpr(MemberField.LastClickAt), DaysAgo(30)));
        var result = SegmentProgram.Compile(segment).EvaluateAll(table, Now.UtcTicks);

        Assert.Equal(expected, result.Included.Sum(w => BitOperations.PopCount(w)));
        Assert.True(Bits.Get(result.Included, 3));
        Assert.False(Bits.Get(result.Included, 21));
        Assert.False(Bits.Get(result.Included, 1));
    }
}
