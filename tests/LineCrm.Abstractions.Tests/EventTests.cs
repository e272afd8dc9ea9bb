using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Abstractions.Tests;

public sealed class EventTests
{
    private static readonly Identifier Alice = Identifier.WebMember("M-1001");
    private static readonly Identifier AliceLine = Identifier.LineUser("U4af4980629a1b2c3d4e5f60718293a4b");
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_purchase_keeps_its_fields_and_normalises_the_currency()
    {
        var purchase = new Purchase("O-1", Alice, Noon, 1200m, "jpy", PurchaseChannel.Store)
        {
            StoreId = "shibuya",
            CampaignId = "winter-sale",
            Items = [new LineItem("SKU-1", "coffee", 2, 600m)],
        };

        Assert.Equal("JPY", purchase.Currency);
        Assert.Equal(PurchaseChannel.Store, purchase.Channel);
        Assert.Equal("shibuya", purchase.StoreId);
        Assert.Single(purchase.Items);
    }

    [Fact]
    public void A_refund_is_a_purchase_with_a_negative_amount()
    {
        var refund = new Purchase("O-1-R", Alice, Noon, -600m, "JPY", PurchaseChannel.Web);
        Assert.Equal(-600m, refund.Amount);
    }

    [Theory]
    [InlineData("", "JPY", "OrderId")]
    [InlineData("O-1", "YEN!", "Currency")]
    [InlineData("O-1", "JP", "Currency")]
    public void Bad_purchase_fields_name_the_field(string orderId, string currency, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new Purchase(orderId, Alice, Noon, 1m, currency, PurchaseChannel.Web));
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void A_purchase_needs_a_customer_and_a_channel()
    {
        Assert.Equal("Customer", Assert.Throws<ArgumentException>(() => new Purchase("O", default, Noon, 1m, "JPY", PurchaseChannel.Web)).ParamName);
        Assert.Equal("Channel", Assert.Throws<ArgumentNullException>(() => new Purchase("O", Alice, Noon, 1m, "JPY", null!)).ParamName);
        var purchase = new Purchase("O", Alice, Noon, 1m, "JPY", PurchaseChannel.Web);
        Assert.Throws<ArgumentException>(() => purchase with { Items = [null!] });
    }

    [Theory]
    [InlineData("", 1, 1)]
    [InlineData("SKU", 0, 1)]
    [InlineData("SKU", -2, 1)]
    [InlineData("SKU", 1, -1)]
    public void Bad_line_items_are_rejected(string sku, int quantity, int unitPrice)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new LineItem(sku, null, quantity, unitPrice));
        Assert.Contains(error.ParamName!, new[] { "Sku", "Quantity", "UnitPrice" });
    }

    [Fact]
    public void Validation_also_applies_to_with_expressions()
    {
        var item = new LineItem("SKU", "tea", 1, 100m);
        Assert.Throws<ArgumentOutOfRangeException>(() => item with { Quantity = -1 });
    }

    [Fact]
    public void An_identifier_cannot_be_linked_to_itself()
    {
        var error = Assert.Throws<ArgumentException>(() => new IdentityLink(Alice, Identifier.WebMember(" M-1001 "), Noon, LinkSource.Import));
        Assert.Contains("web:M-1001", error.Message, StringComparison.Ordinal);
        var link = new IdentityLink(AliceLine, Alice, Noon, LinkSource.AccountLink);
        Assert.Equal(LinkSource.AccountLink, link.Source);
    }

    [Fact]
    public void Interactions_carry_optional_campaign_and_target()
    {
        var click = new Interaction(AliceLine, Noon, InteractionKind.Clicked) { CampaignId = "c-1", Target = "https://example.com/sale" };
        Assert.Equal("c-1", click.CampaignId);
        Assert.Throws<ArgumentException>(() => click with { Target = " " });
    }

    [Fact]
    public void Open_sets_return_well_known_members_by_name_and_accept_custom_names()
    {
        Assert.Same(PurchaseChannel.Store, PurchaseChannel.FromName("STORE"));
        Assert.Same(InteractionKind.FriendAdded, InteractionKind.FromName("friend_added"));
        Assert.Same(LinkSource.PointOfSale, LinkSource.FromName("pos"));
        var marketplace = PurchaseChannel.FromName("Marketplace");
        Assert.Equal("marketplace", marketplace.Name);
        Assert.Equal(marketplace, PurchaseChannel.FromName("marketplace"));
        Assert.Equal("marketplace", marketplace.ToString());
        var error = Assert.Throws<ArgumentException>(() => InteractionKind.FromName("not valid!"));
        Assert.Contains("interaction kind", error.Message, StringComparison.Ordinal);
    }
}
