using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Abstractions.Tests;

public sealed class CustomerEventEnvelopeTests
{
    private static readonly Identifier Alice = Identifier.WebMember("M-1001");
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void Each_event_names_its_subject_and_time()
    {
        var line = Identifier.LineUser("U4af4980629a1b2c3d4e5f60718293a4b");
        ICustomerEvent[] events =
        [
            new Purchase("O-1", Alice, Noon, 1200m, "JPY", PurchaseChannel.Web),
            new Interaction(line, Noon.AddHours(1), InteractionKind.Clicked),
            new IdentityLink(line, Alice, Noon.AddHours(2), LinkSource.AccountLink),
        ];

        Assert.Equal([Alice, line, line], events.Select(e => e.Subject));
        Assert.Equal([Noon, Noon.AddHours(1), Noon.AddHours(2)], events.Select(e => e.At));
    }

    [Fact]
    public void Envelopes_with_the_same_id_and_event_are_equal()
    {
        var purchase = new Purchase("O-1", Alice, Noon, 1200m, "JPY", PurchaseChannel.Web);
        Assert.Equal(new CustomerEventEnvelope(new CustomerEventId("pos:O-1"), purchase), new CustomerEventEnvelope(new CustomerEventId("pos:O-1"), purchase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("line:\n01FZ")]
    public void A_bad_id_is_refused_with_the_reason(string value)
    {
        var e = Assert.Throws<ArgumentException>(() => new CustomerEventId(value));
        Assert.Contains("customer event id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_over_the_limit_is_refused_and_one_at_the_limit_is_kept()
    {
        Assert.Equal(CustomerEventId.MaxLength, new CustomerEventId(new string('a', CustomerEventId.MaxLength)).Value.Length);
        Assert.Throws<ArgumentException>(() => new CustomerEventId(new string('a', CustomerEventId.MaxLength + 1)));
    }

    [Fact]
    public void An_envelope_needs_an_id_and_an_event()
    {
        var purchase = new Purchase("O-1", Alice, Noon, 1200m, "JPY", PurchaseChannel.Web);
        Assert.Throws<ArgumentException>(() => new CustomerEventEnvelope(default, purchase));
        Assert.Throws<ArgumentNullException>(() => new CustomerEventEnvelope(new CustomerEventId("x"), null!));
    }
}
