using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>Random member tables: a few persons with purchases, interactions, tags and attributes, built through the public API.</summary>
internal static class RandomMembers
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly string[] Channels = ["store", "web", "app"];
    public static readonly string[] Stores = ["shibuya", "umeda"];
    public static readonly string[] Categories = ["coffee", "tea", "gift"];
    public static readonly string[] Tags = ["vip", "lapsed"];
    public static readonly string[] Plans = ["gold", "silver"];

    private sealed record PersonSpec(
        int IdType,
        bool Blocked,
        int FriendDay,
        int ClickDay,
        (int Day, decimal Amount, int Channel, int Store, int Categories, bool Campaign)[] Purchases,
        (int Day, int Kind)[] Interactions,
        int TagMask,
        int Plan,
        int LinkDay);

    public static Gen<MemberTable> Tables() =>
        from persons in Gen.Frequency((2, Gen.Choose(0, 12)), (1, Gen.Choose(60, 200))).SelectMany(n => Gen.ArrayOf(Person(), n))
        select Build(persons);

    // Days are multiples of 20 and amounts of 500, so that values often equal each other and the constants of
    // generated segments: the boundaries of comparisons are where kernels and compiled code go wrong.
    private static Gen<int> Day() => Gen.Choose(-40, 0).Select(d => d * 20);

    private static Gen<PersonSpec> Person() =>
        from idType in Gen.Choose(0, 2)
        from blocked in Gen.Frequency((1, Gen.Constant(true)), (3, Gen.Constant(false)))
        from friendDay in Day()
        from clickDay in Gen.OneOf(Gen.Constant(int.MinValue), Day())
        from purchaseCount in Gen.Choose(0, 4)
        from purchases in Gen.ArrayOf(
            from day in Day()
            from amount in Gen.Choose(-1, 40).Select(a => a * 500m)
            from fraction in Gen.Frequency((6, Gen.Constant(0m)), (1, Gen.Elements(0.0001m, 0.01m, 19.99m, -12345.6789m)))
            from channel in Gen.Choose(0, Channels.Length - 1)
            from store in Gen.Choose(-1, Stores.Length - 1)
            from categories in Gen.Choose(0, 7)
            from campaign in Gen.Elements(false, true)
            select (day, amount + fraction, channel, store, categories, campaign),
            purchaseCount)
        from interactionCount in Gen.Choose(0, 3)
        from interactions in Gen.ArrayOf(
            from day in Day()
            from kind in Gen.Choose(0, 7)
            select (day, kind),
            interactionCount)
        from tags in Gen.Choose(0, 3)
        from plan in Gen.Choose(-1, Plans.Length - 1)
        from linkDay in Gen.OneOf(Gen.Constant(int.MinValue), Day())
        select new PersonSpec(idType, blocked, friendDay, clickDay, purchases, interactions, tags, plan, linkDay);

    private static MemberTable Build(PersonSpec[] persons)
    {
        var table = new MemberTable();
        for (var i = 0; i < persons.Length; i++)
        {
            var spec = persons[i];
            var who = spec.IdType switch
            {
                0 => Identifier.LineUser("U" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)),
                1 => Identifier.WebMember($"W{i}"),
                _ => Identifier.StoreCard($"C{i}"),
            };
            var person = table.Append(new Interaction(who, Epoch.AddDays(spec.FriendDay), InteractionKind.FriendAdded));
            if (spec.Blocked)
            {
                table.Append(new Interaction(who, Epoch.AddDays(spec.FriendDay + 1), InteractionKind.Blocked));
            }

            if (spec.ClickDay != int.MinValue)
            {
                table.Append(new Interaction(who, Epoch.AddDays(spec.ClickDay), InteractionKind.Clicked) { CampaignId = "spring" });
            }

            var n = 0;
            foreach (var (day, amount, channel, store, categories, campaign) in spec.Purchases)
            {
                table.Append(new Purchase($"O{i}-{n++}", who, Epoch.AddDays(day), amount, "JPY", PurchaseChannel.FromName(Channels[channel]))
                {
                    StoreId = store < 0 ? null : Stores[store],
                    CampaignId = campaign ? "spring" : null,
                    Items = [.. Categories.Where((_, c) => (categories & (1 << c)) != 0).Select(c => new LineItem("SKU", c, 1, 1m))],
                });
            }

            foreach (var (day, kind) in spec.Interactions)
            {
                table.Append(new Interaction(who, Epoch.AddDays(day), InteractionKind.WellKnown[kind]));
            }

            for (var t = 0; t < Tags.Length; t++)
            {
                if ((spec.TagMask & (1 << t)) != 0)
                {
                    table.SetTag(person, Tags[t]);
                }
            }

            if (spec.Plan >= 0)
            {
                table.SetAttribute(person, "plan", Plans[spec.Plan]);
            }

            if (spec.LinkDay != int.MinValue)
            {
                // A LINE user id linked to another type sets linkedAt; a link between two other types does not.
                // Each identifier is its own person here, so the link's other end is a person of its own too.
                var other = who.Type == IdentifierType.LineUser ? Identifier.WebMember($"L{i}") : Identifier.StoreCard($"L{i}");
                table.Append(new IdentityLink(who, other, Epoch.AddDays(spec.LinkDay), LinkSource.AccountLink));
            }
        }

        return table;
    }
}
