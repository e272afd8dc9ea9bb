using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;
using LineCrm.Segmentation.Tests.Members.Files;
using LineCrm.Segmentation.Tests.Segments;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// The campaign an order is attributed to stays with the purchase: one vocabulary with the interactions' campaigns,
/// moved by a merge, gone with a forgotten person, saved and loaded, and readable in segments as <c>p.campaign</c>.
/// </summary>
public sealed class PurchaseCampaignTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(9));
    private static readonly Identifier Hana = Identifier.WebMember("M-1");
    private static readonly Identifier Ken = Identifier.WebMember("M-2");

    private static Purchase Order(string id, Identifier who, string? campaign) =>
        new(id, who, T0, 100m, "JPY", PurchaseChannel.Web) { CampaignId = campaign };

    [Fact]
    public void A_purchase_keeps_its_campaign_in_the_pool_the_interactions_use()
    {
        var table = new MemberTable();
        var hana = table.Append(Order("O-1", Hana, "spring"));
        table.Append(Order("O-2", Hana, null));
        table.Append(new Interaction(Hana, T0, InteractionKind.Clicked) { CampaignId = "spring" });

        Assert.True(table.TryGetFacts(hana, out var facts));
        Assert.Equal(["spring", null], facts.Purchases.Select(p => p.Campaign));
        Assert.Equal("spring", Assert.Single(facts.Interactions).Campaign);
        Assert.Equal(["spring"], table.Campaigns.Values);
    }

    [Fact]
    public void A_merge_moves_the_campaigns_with_the_purchases_and_forgetting_removes_them()
    {
        var resolver = new RandomTables.MergingResolver();
        var table = new MemberTable(resolver);
        var hana = table.Append(Order("O-1", Hana, "spring"));
        var ken = table.Append(Order("O-2", Ken, "summer"));

        table.MergePersons(hana, ken);

        Assert.True(table.TryGetFacts(ken, out var merged));
        Assert.Equal(["spring", "summer"], merged.Purchases.Select(p => p.Campaign).Order());
        Assert.True(table.Forget(ken));
        Assert.Equal(0, table.PurchaseCount);
        Assert.Empty(Segment.Compile("purchases.exists(p, p.campaign == 'spring')").Evaluate(table, T0).Members);
    }

    [Fact]
    public void Campaigns_are_saved_and_loaded()
    {
        var table = new MemberTable();
        var hana = table.Append(Order("O-1", Hana, "spring"));
        table.Append(Order("O-2", Hana, null));

        Assert.True(MemberTableFileTests.RoundTrip(table).TryGetFacts(hana, out var loaded));

        Assert.Equal(["spring", null], loaded.Purchases.Select(p => p.Campaign));
    }

    [Fact]
    public void Segments_read_the_campaign_as_p_campaign_empty_when_none_compiled_and_interpreted_alike()
    {
        var table = new MemberTable();
        var hana = table.Append(Order("O-1", Hana, "spring"));
        var ken = table.Append(Order("O-2", Ken, null));
        table.Append(new Interaction(Ken, T0, InteractionKind.Clicked) { CampaignId = "summer" });

        foreach (var (expression, members) in new (string, PersonId[])[]
        {
            ("purchases.exists(p, p.campaign == 'spring')", [hana]),
            ("purchases.exists(p, p.campaign == '')", [ken]),
            ("purchases.exists(p, p.campaign == 'summer')", []),
            ("purchases.exists(p, p.campaign.startsWith('spr'))", [hana]),
        })
        {
            var segment = Segment.Compile(expression);
            Assert.Null(segment.InterpretedBecause);
            Assert.Equal(members, segment.Evaluate(table, T0).Members.ToPersonSet().Order());
            ReferenceAgreement.AssertAgrees(segment, MemberSchema.Environment, table, T0);
        }
    }
}
