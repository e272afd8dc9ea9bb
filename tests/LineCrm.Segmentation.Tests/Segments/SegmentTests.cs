using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

public sealed class SegmentTests
{
    private const string IssueExample =
        "!blocked && lastClickAt > now - days(365) && purchases.filter(p, p.at > now - days(365)).size() >= 2 && purchases.exists(p, p.channel == \"store\")";

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private static Identifier Line(int i) => Identifier.LineUser("U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));

    private static PersonId Add(MemberTable table, Identifier who, int clickedDaysAgo, params (int DaysAgo, string Channel)[] orders)
    {
        var person = table.Append(new Interaction(who, Now.AddDays(-clickedDaysAgo), InteractionKind.Clicked));
        foreach (var (daysAgo, channel) in orders)
        {
            table.Append(new Purchase($"{who}-{daysAgo}-{channel}", who, Now.AddDays(-daysAgo), 1500m, "JPY", PurchaseChannel.FromName(channel)) { StoreId = channel == "store" ? "shibuya" : null });
        }

        return person;
    }

    [Fact]
    public void The_issue_example_reads_naturally_compiles_and_selects_the_right_people()
    {
        var table = new MemberTable();
        var alice = Add(table, Line(1), 10, (5, "store"), (100, "web"));
        Add(table, Line(2), 10, (5, "store"), (500, "web"));
        Add(table, Line(3), 400, (5, "store"), (100, "web"));
        var dan = Add(table, Line(4), 10, (5, "web"), (100, "app"), (900, "store"));
        table.Append(new Interaction(Line(4), Now.AddDays(-1), InteractionKind.Blocked));

        var segment = Segment.Compile(IssueExample);
        var result = segment.Evaluate(table, Now);

        Assert.True(segment.IsCompiled, segment.InterpretedBecause);
        Assert.Equal([alice], result.Members);
        Assert.Equal([Line(1)], result.Members.LineUserIds);
        Assert.Empty(result.Failed);
        Assert.True(segment.Includes(table, alice, Now));
        Assert.False(segment.Includes(table, dan, Now));
    }

    [Fact]
    public void Diffing_two_evaluations_gives_who_joined_and_who_left()
    {
        var table = new MemberTable();
        var alice = Add(table, Line(1), 10, (5, "store"), (100, "web"));
        var bob = Add(table, Line(2), 10, (5, "store"));
        var segment = Segment.Compile(IssueExample);
        var before = segment.Evaluate(table, Now).Members;

        table.Append(new Purchase("bob-2", Line(2), Now.AddDays(-1), 800m, "JPY", PurchaseChannel.Web));
        table.Append(new Interaction(Line(1), Now, InteractionKind.Blocked));
        var carol = Add(table, Line(3), 1, (1, "store"), (2, "store"));
        var after = segment.Evaluate(table, Now).Members;
        var diff = after.Diff(before);

        Assert.Equal([alice], before);
        Assert.Equal([bob, carol], diff.Added);
        Assert.Equal([alice], diff.Removed);
        Assert.Equal([Line(1)], diff.Removed.LineUserIds);
        Assert.True(after.Diff(after).IsEmpty);
        Assert.Throws<ArgumentException>(() => after.Diff(Segment.Compile("true").Evaluate(new MemberTable(), Now).Members));
    }

    [Fact]
    public void A_person_whose_expression_fails_is_reported_and_left_out()
    {
        var table = new MemberTable();
        var gold = Add(table, Line(1), 10);
        var none = Add(table, Line(2), 10);
        table.SetAttribute(gold, "plan", "gold");

        var segment = Segment.Compile("attributes.plan == \"gold\"");
        var result = segment.Evaluate(table, Now);

        Assert.Equal([gold], result.Members);
        Assert.Equal([none], result.Failed);
        Assert.Equal("no_such_key", Assert.Throws<CelEvaluationException>(() => segment.Includes(table, none, Now)).Kind);
        Assert.Equal([gold], Segment.Compile("\"plan\" in attributes && attributes.plan == \"gold\"").Evaluate(table, Now).Members);
    }

    [Fact]
    public void Constructs_the_compiler_leaves_out_run_on_the_interpreter_with_the_same_answers()
    {
        var table = new MemberTable();
        var big = Add(table, Line(1), 10, (5, "store"), (6, "store"));
        Add(table, Line(2), 10, (5, "web"));

        var segment = Segment.Compile("purchases.map(p, p.amount).size() >= 2");
        var result = segment.Evaluate(table, Now);

        Assert.False(segment.IsCompiled);
        Assert.Contains("map", segment.InterpretedBecause, StringComparison.Ordinal);
        Assert.Equal([big], result.Members);
        Assert.True(segment.Includes(table, big, Now));
    }

    [Fact]
    public void Bad_segments_fail_at_compile_time_with_a_position()
    {
        var syntax = Assert.Throws<CelSyntaxException>(() => Segment.Compile("!blocked &&"));
        Assert.Equal(1, syntax.Line);
        var unknown = Assert.Throws<CelCheckException>(() => Segment.Compile("!blocked && lastClik > now"));
        Assert.Contains("lastClik", unknown.Message, StringComparison.Ordinal);
        var notBool = Assert.Throws<CelCheckException>(() => Segment.Compile("totalSpend"));
        Assert.Contains("bool", notBool.Message, StringComparison.Ordinal);
        Assert.Throws<CelCheckException>(() => Segment.Compile("purchases.exists(p, p.chanel == \"store\")"));
    }

    [Fact]
    public void One_person_that_is_not_in_the_table_is_an_argument_error()
    {
        var segment = Segment.Compile("!blocked");
        Assert.Equal("person", Assert.Throws<ArgumentException>(() => segment.Includes(new MemberTable(), new PersonId(1), Now)).ParamName);
    }
}
