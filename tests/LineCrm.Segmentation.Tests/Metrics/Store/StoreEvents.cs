using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Tests.Metrics.Store;

/// <summary>
/// Random customer events for comparing the metrics over the fact store with the metrics over tables built
/// straight from the events: LINE users and web members, purchases by either, friend events out of order, and
/// links between a LINE user and a web member (which merge persons). Every event has its own second, so no rule
/// has to break a tie.
/// </summary>
internal sealed record StoreEvents(IReadOnlyList<Purchase> Purchases, IReadOnlyList<Interaction> Interactions, IReadOnlyList<IdentityLink> Links)
{
    public static readonly DateTimeOffset Base = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Stores = ["shibuya", "umeda", "tenjin"];
    private static readonly string[] Campaigns = ["spring", "summer"];
    private static readonly PurchaseChannel[] Channels = [PurchaseChannel.Web, PurchaseChannel.Store, PurchaseChannel.App];

    /// <summary>The latest instant any event can have.</summary>
    public static DateTimeOffset End => Base.AddDays(701);

    public static Gen<StoreEvents> Generator(string currency = "JPY") =>
        from people in Gen.Choose(1, 12)
        from purchases in Gen.ListOf(PurchaseSpec(people))
        from interactions in Gen.ListOf(InteractionSpec(people))
        from links in Gen.ListOf(LinkSpec(people))
        select Build(currency, purchases, interactions, links);

    public static Identifier Line(int k) => Identifier.LineUser($"U{k + 0xabc:x32}");

    public static Identifier Web(int k) => Identifier.WebMember($"w{k}");

    private static Gen<(bool ByLine, int Who, int Day, decimal Amount, int Store, int Channel, int Campaign)> PurchaseSpec(int people) =>
        from byLine in Gen.Elements(true, false)
        from who in Gen.Choose(0, people - 1)
        from day in Gen.Choose(0, 700)
        from cents in Gen.Choose(-5_000, 900_000)
        from store in Gen.Choose(-1, Stores.Length - 1)
        from channel in Gen.Choose(0, Channels.Length - 1)
        from campaign in Gen.Choose(-1, Campaigns.Length - 1)
        select (byLine, who, day, cents / 100m, store, channel, campaign);

    private static Gen<(int Line, int Web, int Day)> LinkSpec(int people) =>
        from line in Gen.Choose(0, people - 1)
        from web in Gen.Choose(0, people - 1)
        from day in Gen.Choose(0, 700)
        select (line, web, day);

    private static Gen<(int Who, int Day, int Kind, int Store, int Campaign)> InteractionSpec(int people) =>
        from who in Gen.Choose(0, people - 1)
        from day in Gen.Choose(0, 700)
        from kind in Gen.Choose(0, 3)
        from store in Gen.Choose(-1, Stores.Length - 1)
        from campaign in Gen.Choose(-1, Campaigns.Length - 1)
        select (who, day, kind, store, campaign);

    private static StoreEvents Build(
        string currency,
        IEnumerable<(bool ByLine, int Who, int Day, decimal Amount, int Store, int Channel, int Campaign)> purchases,
        IEnumerable<(int Who, int Day, int Kind, int Store, int Campaign)> interactions,
        IEnumerable<(int Line, int Web, int Day)> links)
    {
        var second = 0;
        DateTimeOffset At(int day) => Base.AddDays(day).AddSeconds(++second);
        var p = purchases.Select((s, i) => new Purchase($"o{i}", s.ByLine ? Line(s.Who) : Web(s.Who), At(s.Day), s.Amount, currency, Channels[s.Channel])
        {
            StoreId = s.Store < 0 ? null : Stores[s.Store],
            CampaignId = s.Campaign < 0 ? null : Campaigns[s.Campaign],
        }).ToList();
        InteractionKind[] kinds = [InteractionKind.FriendAdded, InteractionKind.Blocked, InteractionKind.Unblocked, InteractionKind.Clicked];
        var n = interactions.Select(s => new Interaction(Line(s.Who), At(s.Day), kinds[s.Kind])
        {
            CampaignId = s.Kind == 0 && s.Campaign >= 0 ? Campaigns[s.Campaign] : null,
            Target = s.Kind == 0 && s.Store >= 0 ? Stores[s.Store] : null,
        }).ToList();
        var l = links.Select(s => new IdentityLink(Line(s.Line), Web(s.Web), At(s.Day), LinkSource.AccountLink)).ToList();
        return new StoreEvents(p, n, l);
    }
}
