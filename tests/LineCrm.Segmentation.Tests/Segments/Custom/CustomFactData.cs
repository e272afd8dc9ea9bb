using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Tests.Segments.Custom;

/// <summary>
/// A schema with a custom fact of every type and a list of records with a field of every type, and random tables
/// over it built through the public API: some values unset, some persons merged into others.
/// </summary>
internal static class CustomFactData
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly string[] Tiers = ["gold", "silver", "g", ""];
    public static readonly string[] Products = ["sku-1", "sku-2", "bag"];

    public static FactSchema Schema { get; } = FactSchema.Default
        .WithScalar("loyaltyPoints", FactType.Int, "points on the loyalty card")
        .WithScalar("score", FactType.Double)
        .WithScalar("optedIn", FactType.Bool)
        .WithScalar("tier", FactType.String)
        .WithScalar("lastVisitAt", FactType.Timestamp)
        .WithList(
            "pageViews",
            "PageView",
            [
                new FactField("at", FactType.Timestamp),
                new FactField("productId", FactType.String),
                new FactField("seconds", FactType.Int),
                new FactField("price", FactType.Double),
                new FactField("liked", FactType.Bool),
            ]);

    private sealed record View(int? Day, int Product, int? Seconds, int? Price, bool? Liked);

    private sealed record PersonSpec(int? Points, int? Score, bool? OptedIn, int Tier, int? VisitDay, bool Clicked, View[] Views, int MergeInto);

    public static Gen<MemberTable> Tables() =>
        from persons in Gen.Choose(0, 10).SelectMany(n => Gen.ArrayOf(Person(), n))
        select Build(persons);

    private static Gen<int> Day() => Gen.Choose(-40, 0).Select(d => d * 20);

    private static Gen<int?> Maybe(Gen<int> value) => Gen.Frequency((1, Gen.Constant<int?>(null)), (3, value.Select(v => (int?)v)));

    private static Gen<bool?> MaybeBool() => Gen.Elements<bool?>(null, true, false);

    private static Gen<PersonSpec> Person() =>
        from points in Maybe(Gen.Choose(-2, 6).Select(p => p * 100))
        from score in Maybe(Gen.Choose(-4, 4))
        from optedIn in MaybeBool()
        from tier in Gen.Choose(-1, Tiers.Length - 1)
        from visit in Maybe(Day())
        from clicked in Gen.Elements(true, false)
        from viewCount in Gen.Choose(0, 4)
        from views in Gen.ArrayOf(
            from day in Maybe(Day())
            from product in Gen.Choose(-1, Products.Length - 1)
            from seconds in Maybe(Gen.Choose(-1, 3).Select(s => s * 30))
            from price in Maybe(Gen.Choose(0, 4).Select(p => p * 250))
            from liked in MaybeBool()
            select new View(day, product, seconds, price, liked),
            viewCount)
        from mergeInto in Gen.Frequency((4, Gen.Constant(-1)), (1, Gen.Choose(0, 9)))
        select new PersonSpec(points, score, optedIn, tier, visit, clicked, views, mergeInto);

    private static MemberTable Build(PersonSpec[] persons)
    {
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), Schema);
        var ids = new PersonId[persons.Length];
        for (var i = 0; i < persons.Length; i++)
        {
            var spec = persons[i];
            var who = Identifier.WebMember("W" + i.ToString(CultureInfo.InvariantCulture));
            var person = ids[i] = table.Append(new Interaction(who, Epoch.AddDays(-i), InteractionKind.FriendAdded));
            if (spec.Clicked)
            {
                table.Append(new Interaction(who, Epoch.AddDays(-2 * i), InteractionKind.Clicked));
            }

            if (spec.Points is { } points)
            {
                table.SetFact(person, "loyaltyPoints", points);
            }

            if (spec.Score is { } score)
            {
                table.SetFact(person, "score", score * 0.75);
            }

            if (spec.OptedIn is { } optedIn)
            {
                table.SetFact(person, "optedIn", optedIn);
            }

            if (spec.Tier >= 0)
            {
                table.SetFact(person, "tier", Tiers[spec.Tier]);
            }

            if (spec.VisitDay is { } day)
            {
                table.SetFact(person, "lastVisitAt", Epoch.AddDays(day));
            }

            foreach (var view in spec.Views)
            {
                var record = new FactRecord();
                record = view.Day is { } at ? record.With("at", Epoch.AddDays(at)) : record;
                record = view.Product >= 0 ? record.With("productId", Products[view.Product]) : record;
                record = view.Seconds is { } seconds ? record.With("seconds", seconds) : record;
                record = view.Price is { } price ? record.With("price", price / 100.0) : record;
                record = view.Liked is { } liked ? record.With("liked", liked) : record;
                table.AppendRecord(person, "pageViews", record);
            }
        }

        for (var i = 0; i < persons.Length; i++)
        {
            var into = persons[i].MergeInto;
            if (into >= 0 && into < i)
            {
                table.MergePersons(ids[i], ids[into]);
            }
        }

        return table;
    }
}
