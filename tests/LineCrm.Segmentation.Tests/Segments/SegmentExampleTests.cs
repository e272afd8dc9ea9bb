using System.Text.RegularExpressions;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using LineCrm.Testing;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>The examples in docs/segments.md compile (to code, not the interpreter) and pick the people they say.</summary>
public sealed partial class SegmentExampleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Examples()
    {
        var root = SharedData.RepositoryRoot() ?? throw new InvalidOperationException("The repository root (LineCrm.sln) was not found.");
        var text = File.ReadAllText(Path.Combine(root, "docs", "segments.md"));
        var section = text[text.IndexOf("### Examples", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n### ", 5, StringComparison.Ordinal)];
        var data = new TheoryData<string, string>();
        foreach (Match row in ExampleRow().Matches(section))
        {
            data.Add(row.Groups["who"].Value.Trim(), row.Groups["segment"].Value);
        }

        return data;
    }

    [Fact]
    public void The_docs_list_the_examples_the_issue_asks_for()
    {
        var who = Examples().Select(row => row.Data.Item1).ToList();
        foreach (var topic in new[] { "blocked", "clicked within a year", "has purchased", "first purchase this year", "repeat buyers", "web", "coffee", "store" })
        {
            Assert.Contains(who, w => w.Contains(topic, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_compiles_and_evaluates_without_errors(string who, string expression)
    {
        var segment = Segment.Compile(expression);
        var result = segment.Evaluate(Population(), Now);

        Assert.True(segment.IsCompiled, $"{who}: {segment.InterpretedBecause}");
        Assert.Empty(result.Failed);
    }

    [Theory]
    [InlineData("blocked", new[] { "blocked" })]
    [InlineData("lastClickAt > now - days(365)", new[] { "shibuya-regular", "blocked" })]
    [InlineData("purchases.size() > 0 && firstPurchaseAt.getFullYear(\"Asia/Tokyo\") == now.getFullYear(\"Asia/Tokyo\")", new[] { "new-web-buyer" })]
    [InlineData("purchases.size() >= 2", new[] { "shibuya-regular", "lapsed" })]
    [InlineData("purchases.exists(p, \"coffee\" in p.categories)", new[] { "shibuya-regular" })]
    [InlineData("purchases.exists(p, p.store == \"shibuya\")", new[] { "shibuya-regular" })]
    [InlineData("purchases.size() > 0 && lastPurchaseAt < now - days(180)", new[] { "lapsed", "new-web-buyer", "last-year-tokyo" })]
    [InlineData("\"store\" in linked", new[] { "shibuya-regular" })]
    [InlineData("purchases.exists(p, p.campaign == \"spring-sale\")", new[] { "shibuya-regular" })]
    public void Examples_pick_the_people_they_describe(string expression, string[] expected)
    {
        var table = Population();
        var result = Segment.Compile(expression).Evaluate(table, Now);
        var names = result.Members.Select(p => Name(table, p)).Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), names);
    }

    // A hand-made population: who is in which example is decided by reading this, not by running code.
    private static MemberTable Population()
    {
        var table = new MemberTable(new NamedPersons());
        var regular = Identifier.WebMember("shibuya-regular");
        table.Append(new IdentityLink(regular, Identifier.StoreCard("SHIBUYA-1"), Now.AddDays(-300), LinkSource.PointOfSale));
        table.Append(new Interaction(regular, Now.AddDays(-20), InteractionKind.Clicked));
        table.Append(new Purchase("r1", regular, Now.AddDays(-400), 3000m, "JPY", PurchaseChannel.Store) { StoreId = "shibuya", Items = [new LineItem("C1", "coffee", 2, 1500m)] });
        table.Append(new Purchase("r2", regular, Now.AddDays(-10), 1000m, "JPY", PurchaseChannel.Store) { StoreId = "shibuya", CampaignId = "spring-sale" });

        var newBuyer = Identifier.WebMember("new-web-buyer");
        table.Append(new Interaction(newBuyer, Now.AddDays(-500), InteractionKind.FriendAdded));
        table.Append(new Purchase("n1", newBuyer, new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.FromHours(9)), 800m, "JPY", PurchaseChannel.Web) { Items = [new LineItem("T1", "tea", 1, 800m)] });

        var lapsed = Identifier.WebMember("lapsed");
        table.Append(new Purchase("l1", lapsed, Now.AddDays(-700), 500m, "JPY", PurchaseChannel.Web));
        table.Append(new Purchase("l2", lapsed, Now.AddDays(-365), 500m, "JPY", PurchaseChannel.App));

        var blocked = Identifier.WebMember("blocked");
        table.Append(new Interaction(blocked, Now.AddDays(-30), InteractionKind.Clicked));
        table.Append(new Interaction(blocked, Now.AddDays(-2), InteractionKind.Blocked));

        // Bought on 2025-12-31 at 23:30 in Tokyo (14:30 UTC): last year in Japan time, so not a "first purchase this year".
        var lastYear = Identifier.WebMember("last-year-tokyo");
        table.Append(new Purchase("y1", lastYear, new DateTimeOffset(2025, 12, 31, 14, 30, 0, TimeSpan.Zero), 100m, "JPY", PurchaseChannel.Web));
        return table;
    }

    private static readonly string[] Names = ["shibuya-regular", "new-web-buyer", "lapsed", "blocked", "last-year-tokyo"];

    private static string Name(MemberTable table, PersonId person) => Names[person.Value - 1];

    /// <summary>Web member ids name the persons (P1 is the first name); the store card belongs to the Shibuya regular.</summary>
    private sealed class NamedPersons : IPersonResolver
    {
        public PersonId Resolve(Identifier identifier) =>
            new(identifier.Type == IdentifierType.StoreCard ? 1 : Array.IndexOf(Names, identifier.Value) + 1);
    }

    [GeneratedRegex(@"^\| (?<who>[^|]+) \| `(?<segment>[^`]+)` \|$", RegexOptions.Multiline)]
    private static partial Regex ExampleRow();
}
