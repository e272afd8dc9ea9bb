using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Members.Files;
using LineCrm.Segmentation.Tests.Segments;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// The member table keeps money exactly: every amount with at most 4 decimal places, up to what a long of
/// ten-thousandths holds, comes back as the same decimal, in memory and through a file; anything else is refused
/// naming the order, and nothing of it is recorded. Segments read the amount as a double.
/// </summary>
public sealed class ExactAmountTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly Identifier Buyer = Identifier.WebMember("M-1");

    // long.MaxValue and long.MinValue ten-thousandths, written out.
    private const string Largest = "922337203685477.5807";
    private const string Smallest = "-922337203685477.5808";

    public static TheoryData<string> ExactAmounts => ["19.99", "0.0001", "-12345.6789", Largest, Smallest, "0", "1.50000"];

    private static Purchase Order(string id, decimal amount, string? campaign = null) =>
        new(id, Buyer, T0, amount, "JPY", PurchaseChannel.Web) { CampaignId = campaign };

    private static decimal Parse(string amount) => decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(ExactAmounts))]
    public void An_amount_comes_back_exactly_from_the_table_and_from_its_file(string text)
    {
        var amount = Parse(text);
        var table = new MemberTable();
        var person = table.Append(Order("O-1", amount));

        Assert.True(table.TryGetFacts(person, out var facts));
        Assert.Equal(amount, Assert.Single(facts.Purchases).Amount);
        Assert.True(MemberTableFileTests.RoundTrip(table).TryGetFacts(person, out var loaded));
        Assert.Equal(amount, Assert.Single(loaded.Purchases).Amount);
    }

    public static TheoryData<string, string> RefusedAmounts => new()
    {
        { "0.00001", "more than 4 decimal places" },
        { "19.99999", "more than 4 decimal places" },
        { "-0.00005", "more than 4 decimal places" },
        { "922337203685477.5808", "outside" },
        { "-922337203685477.5809", "outside" },
        { "79228162514264337593543950335", "outside" },
    };

    [Theory]
    [MemberData(nameof(RefusedAmounts))]
    public void An_amount_the_table_cannot_keep_exactly_is_refused_naming_the_order_and_nothing_is_recorded(string text, string why)
    {
        var table = new MemberTable();
        table.Append(Order("O-1", 100m));
        var version = table.Version;

        var error = Assert.Throws<ArgumentException>(() => table.Append(Order("O-bad", Parse(text), campaign: "new-campaign")));

        Assert.Contains("'O-bad'", error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal("purchase", error.ParamName);
        Assert.Equal((1, 1L, version), (table.Count, table.PurchaseCount, table.Version));
        Assert.Equal(0, table.Campaigns.Count);
    }

    [Fact]
    public void A_refused_purchase_of_a_new_customer_adds_no_person()
    {
        var table = new MemberTable();

        Assert.Throws<ArgumentException>(() => table.Append(Order("O-bad", 0.12345m)));

        Assert.Equal(0, table.Count);
        Assert.Empty(table.Persons);
    }

    [Fact]
    public void Segments_read_the_amount_and_the_total_spend_as_doubles_compiled_and_interpreted_alike()
    {
        var table = new MemberTable();
        var person = table.Append(Order("O-1", 19.99m));
        table.Append(Order("O-2", 0.0001m));
        table.Append(Order("O-3", -12345.6789m));
        var other = table.Append(new Purchase("O-4", Identifier.WebMember("M-2"), T0, 20m, "JPY", PurchaseChannel.Web));

        foreach (var (expression, members) in new (string, PersonId[])[]
        {
            ("purchases.exists(p, p.amount == 19.99)", [person]),
            ("purchases.exists(p, p.amount == 0.0001)", [person]),
            ("purchases.exists(p, p.amount == -12345.6789)", [person]),
            ("purchases.exists(p, p.amount > 19.99)", [other]),
            ("totalSpend < -12325.0 && totalSpend > -12326.0", [person]),
        })
        {
            var segment = Segment.Compile(expression);
            Assert.Equal(members, segment.Evaluate(table, T0).Members.ToPersonSet().Order());
            ReferenceAgreement.AssertAgrees(segment, MemberSchema.Environment, table, T0);
        }
    }

    [Fact]
    public void Merging_keeps_every_amount_exact()
    {
        var resolver = new RandomTables.MergingResolver();
        var table = new MemberTable(resolver);
        var a = table.Append(Order("O-1", 19.99m));
        var b = table.Append(new Purchase("O-2", Identifier.WebMember("M-2"), T0, -0.0001m, "JPY", PurchaseChannel.Web));

        table.MergePersons(a, b);

        Assert.True(table.TryGetFacts(b, out var facts));
        Assert.Equal([-0.0001m, 19.99m], facts.Purchases.Select(p => p.Amount).Order());
    }
}
