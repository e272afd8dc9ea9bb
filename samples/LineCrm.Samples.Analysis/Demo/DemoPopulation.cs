using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Samples.Analysis.Demo;

/// <summary>
/// A deterministic, generated customer base for demos and tests: LINE friends, some linked to web members and
/// store cards, with purchases (seasonal, web and stores), clicks and blocks. The same seed gives the same data
/// on every machine (System.Random with a seed is stable across .NET versions).
/// </summary>
public sealed record DemoPopulation(
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<IdentityLink> Links,
    IReadOnlyList<Purchase> Purchases,
    DateTimeOffset Start,
    DateTimeOffset End)
{
    /// <summary>Demo times are Japan Standard Time (UTC+9, no daylight saving).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    private static readonly string[] Stores = ["shibuya", "umeda", "sakae", "tenjin", "sapporo"];
    private static readonly string[] Campaigns = ["spring-sale", "summer-coupon", "autumn-new", "winter-gift"];
    private static readonly string[] Categories = ["coffee", "tea", "sweets", "tableware", "gift"];

    // Relative purchase volume by month (Jan..Dec): a summer lull and a December gift peak.
    private static readonly double[] Seasonality = [0.9, 0.8, 1.0, 1.0, 0.9, 0.8, 0.7, 0.8, 0.9, 1.0, 1.2, 1.7];

    /// <summary>Generates a population of <paramref name="friends"/> LINE friends over 2025 and 2026.</summary>
    /// <param name="friends">How many LINE friends; at least 1.</param>
    /// <param name="seed">The random seed; the same seed gives the same population.</param>
    public static DemoPopulation Generate(int friends = 100_000, int seed = 20261123)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(friends, 1);
        var random = new Random(seed);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, Offset);
        var end = new DateTimeOffset(2026, 11, 1, 0, 0, 0, Offset);
        var days = (int)(end - start).TotalDays;
        var interactions = new List<Interaction>(friends * 3);
        var links = new List<IdentityLink>(friends);
        var purchases = new List<Purchase>(friends * 2);

        for (var i = 0; i < friends; i++)
        {
            var line = Identifier.LineUser(LineUserId(random));
            var added = start.AddDays(random.Next(days)).AddMinutes(random.Next(24 * 60));
            var campaign = Campaigns[random.Next(Campaigns.Length)];
            var homeStore = Stores[random.Next(Stores.Length)];

            // Most friends scan a store's QR code at the till (the friend-add's Target is that store); the rest
            // come from ads and the web site.
            var recruitedInStore = random.NextDouble() < 0.6;
            interactions.Add(new Interaction(line, added, InteractionKind.FriendAdded)
            {
                CampaignId = campaign,
                Target = recruitedInStore ? homeStore : null,
            });

            var buyer = line;
            var storeBuyer = line;
            // Store-recruited friends link their card more often than those who came from ads.
            if (random.NextDouble() < (recruitedInStore ? 0.5 : 0.35))
            {
                var web = Identifier.WebMember($"M{i + 100_000:D7}");
                AddLinkBefore(links, end, new IdentityLink(line, web, added.AddDays(random.Next(0, 60)), LinkSource.AccountLink));
                buyer = web;
                storeBuyer = web;
                if (random.NextDouble() < 0.5)
                {
                    // In stores the member shows a card: those orders carry the card, and only the identity
                    // graph knows that the card, the web member and the LINE account are one person.
                    var card = Identifier.StoreCard($"{homeStore.ToUpperInvariant()}-{i:D8}");
                    AddLinkBefore(links, end, new IdentityLink(web, card, added.AddDays(random.Next(0, 120)), LinkSource.PointOfSale));
                    storeBuyer = card;
                }
            }

            AddPurchases(random, purchases, new Buyer(buyer, storeBuyer, buyer != line), added, end, homeStore, campaign, i);
            AddEngagement(random, interactions, line, added, end);
        }

        return new DemoPopulation(interactions, links, purchases, start, end);
    }

    // A link that would happen after the data ends has not been observed yet.
    private static void AddLinkBefore(List<IdentityLink> links, DateTimeOffset end, IdentityLink link)
    {
        if (link.At < end)
        {
            links.Add(link);
        }
    }

    // Who places a person's orders: on the web and in stores (a card when they have one), and whether they are a member.
    private sealed record Buyer(Identifier Web, Identifier Store, bool Member);

    private static void AddPurchases(Random random, List<Purchase> purchases, Buyer buyer, DateTimeOffset added,
        DateTimeOffset end, string homeStore, string campaign, int person)
    {
        // A third never buy; the rest buy a geometric number of times, more so when they are members.
        if (random.NextDouble() < 0.33)
        {
            return;
        }

        var at = added.AddDays(random.Next(1, 90));
        for (var n = 0; at < end; n++)
        {
            var month = at.Month - 1;
            if (random.NextDouble() < Seasonality[month] / 1.7 || n == 0)
            {
                var inStore = random.NextDouble() < 0.4;
                var category = Categories[random.Next(Categories.Length)];
                var quantity = random.Next(1, 4);
                var unit = 500m + (random.Next(0, 40) * 100m);
                var order = new Purchase($"O{person:D7}-{n:D3}", inStore ? buyer.Store : buyer.Web, at, unit * quantity, "JPY",
                    inStore ? PurchaseChannel.Store : PurchaseChannel.Web)
                {
                    StoreId = inStore ? homeStore : null,
                    CampaignId = n == 0 ? campaign : null,
                    Items = [new LineItem($"SKU-{category}-{random.Next(1, 30):D2}", category, quantity, unit)],
                };
                purchases.Add(order);
                AddEdgeCases(random, purchases, order, end);
            }

            if (random.NextDouble() < (buyer.Member ? 0.4 : 0.55))
            {
                break;
            }

            at = at.AddDays(random.Next(7, 150));
        }
    }

    // The cases the analytics must get right: a second order the same day, and refunds (negative amounts).
    private static void AddEdgeCases(Random random, List<Purchase> purchases, Purchase order, DateTimeOffset end)
    {
        var roll = random.NextDouble();
        if (roll < 0.05)
        {
            purchases.Add(order with { OrderId = order.OrderId + "-B", At = order.At.AddMinutes(random.Next(1, 120)), CampaignId = null });
        }
        else if (roll < 0.08 && order.At.AddDays(20) < end)
        {
            purchases.Add(order with { OrderId = order.OrderId + "-R", At = order.At.AddDays(random.Next(3, 20)), Amount = -order.Amount, CampaignId = null, Items = [] });
        }
    }

    private static void AddEngagement(Random random, List<Interaction> interactions, Identifier line, DateTimeOffset added, DateTimeOffset end)
    {
        var clicks = random.Next(0, 5);
        for (var c = 0; c < clicks; c++)
        {
            var at = added.AddDays(random.Next(0, Math.Max(1, (int)(end - added).TotalDays)));
            interactions.Add(new Interaction(line, at, InteractionKind.Clicked) { CampaignId = Campaigns[random.Next(Campaigns.Length)] });
        }

        if (random.NextDouble() < 0.12)
        {
            var at = added.AddDays(random.Next(1, Math.Max(2, (int)(end - added).TotalDays)));
            interactions.Add(new Interaction(line, at, InteractionKind.Blocked));
        }
    }

    private static string LineUserId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return "U" + Convert.ToHexStringLower(bytes);
    }
}
