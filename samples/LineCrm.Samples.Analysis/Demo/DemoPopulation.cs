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
            interactions.Add(new Interaction(line, added, InteractionKind.FriendAdded) { CampaignId = campaign });

            var homeStore = Stores[random.Next(Stores.Length)];
            var buyer = line;
            if (random.NextDouble() < 0.45)
            {
                var web = Identifier.WebMember($"M{i + 100_000:D7}");
                links.Add(new IdentityLink(line, web, added.AddDays(random.Next(0, 60)), LinkSource.AccountLink));
                buyer = web;
                if (random.NextDouble() < 0.5)
                {
                    var card = Identifier.StoreCard($"{homeStore.ToUpperInvariant()}-{i:D8}");
                    links.Add(new IdentityLink(web, card, added.AddDays(random.Next(0, 120)), LinkSource.PointOfSale));
                }
            }

            AddPurchases(random, purchases, buyer, added, end, homeStore, campaign, i);
            AddEngagement(random, interactions, line, added, end);
        }

        return new DemoPopulation(interactions, links, purchases, start, end);
    }

    private static void AddPurchases(Random random, List<Purchase> purchases, Identifier buyer, DateTimeOffset added,
        DateTimeOffset end, string homeStore, string campaign, int person)
    {
        // A third never buy; the rest buy a geometric number of times, more so when linked.
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
                purchases.Add(new Purchase($"O{person:D7}-{n:D3}", buyer, at, unit * quantity, "JPY",
                    inStore ? PurchaseChannel.Store : PurchaseChannel.Web)
                {
                    StoreId = inStore ? homeStore : null,
                    CampaignId = n == 0 ? campaign : null,
                    Items = [new LineItem($"SKU-{category}-{random.Next(1, 30):D2}", category, quantity, unit)],
                });
            }

            if (random.NextDouble() < 0.45)
            {
                break;
            }

            at = at.AddDays(random.Next(7, 150));
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
