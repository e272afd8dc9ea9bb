using System.Text.Json;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Abstractions.Tests;

public sealed class CustomerEventJsonTests
{
    private static readonly Identifier Alice = Identifier.WebMember("M-1001");
    private static readonly Identifier AliceLine = Identifier.LineUser("U4af4980629a1b2c3d4e5f60718293a4b");
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(9));

    public static TheoryData<ICustomerEvent> Events() =>
    [
        new Purchase("O-1", Alice, Noon, 1200.50m, "JPY", PurchaseChannel.Store)
        {
            StoreId = "shibuya",
            CampaignId = "winter-sale",
            Items = [new LineItem("SKU-1", "coffee", 2, 600.25m), new LineItem("SKU-2", null, 1, 0m)],
        },
        new Purchase("O-2", Alice, Noon, -300m, "TWD", PurchaseChannel.Web),
        new Interaction(AliceLine, Noon, InteractionKind.Clicked) { CampaignId = "c-1", Target = "https://example.com/a" },
        new Interaction(AliceLine, Noon, InteractionKind.FriendAdded),
        new IdentityLink(AliceLine, Alice, Noon, LinkSource.AccountLink),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_reads_back_as_it_was_written_with_its_optional_fields_absent_or_present(ICustomerEvent written)
    {
        var read = CustomerEventJson.Deserialize(CustomerEventJson.Serialize(written));

        Assert.Equal(written.GetType(), read.GetType());
        Assert.Equal(written.Subject, read.Subject);
        Assert.Equal(written.At, read.At);
        switch (written, read)
        {
            case (Purchase w, Purchase r):
                Assert.Equal((w.OrderId, w.Amount, w.Currency, w.Channel, w.StoreId, w.CampaignId), (r.OrderId, r.Amount, r.Currency, r.Channel, r.StoreId, r.CampaignId));
                Assert.Equal(w.Items, r.Items);
                break;
            case (Interaction w, Interaction r):
                Assert.Equal(w, r);
                break;
            case (IdentityLink w, IdentityLink r):
                Assert.Equal(w, r);
                break;
            default:
                Assert.Fail($"{written.GetType().Name} read back as {read.GetType().Name}");
                break;
        }
    }

    [Fact]
    public void Money_keeps_its_scale_and_currency()
    {
        var read = (Purchase)CustomerEventJson.Deserialize(CustomerEventJson.Serialize(new Purchase("O-3", Alice, Noon, 100.10m, "THB", PurchaseChannel.Web)));
        Assert.Equal("100.10", read.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("THB", read.Currency);
    }

    [Fact]
    public void Json_that_is_not_an_event_is_refused_with_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => CustomerEventJson.Deserialize("""{"type":"purchase"}"""));
        Assert.ThrowsAny<JsonException>(() => CustomerEventJson.Deserialize("""{"type":"teleport"}"""));
    }
}
