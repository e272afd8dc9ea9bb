using LineCrm.Campaigns;
using LineCrm.Campaigns.Rules;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Segmentation.Members;

namespace LineCrm.Samples.Analysis.Demo;

/// <summary>
/// The demo customers' week around the campaigns, deterministic from a seed: what they looked at before (page
/// views, for the personalised variant), what the account sent them earlier that week (which the caps count), and
/// how they respond to what reaches them. The response has a planted effect that only this class knows; the job
/// measures the campaigns from the fact store and prints the measurement beside the plant.
/// </summary>
internal sealed class DemoWeek(int seed)
{
    private static readonly string[] Products = ["ドリップケトル", "有田焼のマグ", "抹茶セット", "焙煎豆のギフト", "ガラスのティーポット"];

    /// <summary>Every person's chance of a web and a store purchase in the week without any message.</summary>
    public const double BaseWeb = 0.03;

    public const double BaseStore = 0.04;

    /// <summary>The planted effects: the absolute rise in the chance of the campaign's goal purchase for a person the message reaches.</summary>
    public static IReadOnlyDictionary<(string Campaign, string Variant), double> Planted { get; } = new Dictionary<(string, string), double>
    {
        [("winback", "coupon")] = 0.030,
        [("new-arrivals", "named-product")] = 0.025,
        [("new-arrivals", "plain")] = 0.010,
    };

    /// <summary>Which planted effect a message's text shows: the customer knows only what they read.</summary>
    private static (string Campaign, string Variant)? Recognise(string messagesJson)
    {
        var text = string.Concat(MessageJson.Deserialize(messagesJson).OfType<TextMessage>().Select(m => m.Text));
        return text.Contains("クーポン", StringComparison.Ordinal) ? ("winback", "coupon")
            : text.Contains("店頭でお試し", StringComparison.Ordinal) ? ("new-arrivals", "named-product")
            : text.Contains("新作が入荷", StringComparison.Ordinal) ? ("new-arrivals", "plain")
            : null;
    }

    /// <summary>Page views between Sunday and Tuesday for about a third of the LINE friends.</summary>
    public void AddPageViews(MemberTable members, DateTimeOffset from)
    {
        var random = new Random(seed);
        foreach (var (_, line) in LineFriends(members))
        {
            if (random.NextDouble() < 0.35)
            {
                var at = from.AddMinutes(random.Next(0, 3 * 24 * 60));
                members.Append(new Interaction(line, at, InteractionKind.PageViewed) { Target = Products[random.Next(Products.Length)] });
            }
        }
    }

    /// <summary>Two earlier sends of the week (Monday and Tuesday at noon), each to about 30% of the LINE friends.</summary>
    public IReadOnlyList<DeliveryRecord> EarlierSends(MemberTable members, DateTimeOffset monday)
    {
        var random = new Random(seed + 1);
        var sends = new List<DeliveryRecord>();
        foreach (var (person, _) in LineFriends(members))
        {
            if (random.NextDouble() < 0.3)
            {
                sends.Add(new DeliveryRecord(person, monday.AddHours(12), new CampaignId("flash-sale")));
            }

            if (random.NextDouble() < 0.3)
            {
                sends.Add(new DeliveryRecord(person, monday.AddDays(1).AddHours(12), new CampaignId("weekly-news")));
            }
        }

        return sends;
    }

    /// <summary>
    /// The week of purchases after the sends, appended to the store as the shop's order feed would: every friend may
    /// buy on the web (from <paramref name="webFrom"/>) or in a store (from <paramref name="storeFrom"/>) within a week,
    /// and a message that reached them raises the chance of its campaign's goal by the planted effect.
    /// </summary>
    /// <param name="members">The store.</param>
    /// <param name="received">What LINE delivered: the recipients and the messages, from the fake LINE server's record.</param>
    /// <param name="webFrom">The start of the web window.</param>
    /// <param name="storeFrom">The start of the store window.</param>
    /// <returns>How many purchases were appended.</returns>
    public int Respond(MemberTable members, IEnumerable<(string LineUserId, string MessagesJson)> received, DateTimeOffset webFrom, DateTimeOffset storeFrom)
    {
        var effects = new Dictionary<string, List<(string Campaign, string Variant)>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, (string, string)?>(StringComparer.Ordinal);
        foreach (var (user, json) in received)
        {
            if (!seen.TryGetValue(json, out var recognised))
            {
                seen.Add(json, recognised = Recognise(json));
            }

            if (recognised is { } effect)
            {
                if (!effects.TryGetValue(user, out var list))
                {
                    effects.Add(user, list = []);
                }

                list.Add(effect);
            }
        }

        var random = new Random(seed + 2);
        var week = (int)TimeSpan.FromDays(7).TotalMinutes - 60;
        var purchases = new List<Purchase>();
        foreach (var (_, line) in LineFriends(members))
        {
            var got = effects.TryGetValue(line.Value, out var list) ? list : [];
            var web = BaseWeb + got.Where(e => e.Campaign == "winback").Sum(e => Planted[e]);
            var store = BaseStore + got.Where(e => e.Campaign == "new-arrivals").Sum(e => Planted[e]);
            if (random.NextDouble() < web)
            {
                purchases.Add(Order(line, webFrom.AddMinutes(random.Next(week)), random, PurchaseChannel.Web, purchases.Count));
            }

            if (random.NextDouble() < store)
            {
                purchases.Add(Order(line, storeFrom.AddMinutes(random.Next(week)), random, PurchaseChannel.Store, purchases.Count) with { StoreId = "shibuya" });
            }
        }

        foreach (var purchase in purchases.OrderBy(p => p.At))
        {
            members.Append(purchase);
        }

        return purchases.Count;
    }

    private static Purchase Order(Identifier line, DateTimeOffset at, Random random, PurchaseChannel channel, int n) =>
        new($"WEEK-{n:D6}", line, at, 1_000m + (random.Next(0, 50) * 100m), "JPY", channel);

    /// <summary>The persons with a LINE user id, in the store's person order (so the seed gives the same draws).</summary>
    private static IEnumerable<(PersonId Person, Identifier Line)> LineFriends(MemberTable members)
    {
        foreach (var person in members.Persons.OrderBy(p => p.Value))
        {
            if (members.LineReachOf(person).LineUser is { } line)
            {
                yield return (person, line);
            }
        }
    }
}
