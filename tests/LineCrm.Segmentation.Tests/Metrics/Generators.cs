using FsCheck;
using FsCheck.Fluent;

namespace LineCrm.Segmentation.Tests.Metrics;

/// <summary>FsCheck generators of small, dense order sets: few persons, two years, refunds, same-day orders.</summary>
internal static class Generators
{
    public static readonly DateTimeOffset Base = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo[] Zones = [TimeZoneInfo.Utc, Orders.Tokyo, Orders.NewYork];

    public static Gen<Reference.Order> Order =>
        from person in Gen.Choose(0, 7)
        from day in Gen.Choose(0, 730)
        from minute in Gen.Elements(0, 1, 299, 300, 301, 539, 540, 541, 720, 1439) // around midnight in UTC, New York and Tokyo
        from amount in Gen.Frequency((5, Gen.Choose(0, 500)), (1, Gen.Choose(-200, -1)))
        select new Reference.Order(person, Base.AddDays(day).AddMinutes(minute), amount);

    public static Arbitrary<(List<Reference.Order> Orders, TimeZoneInfo Zone)> OrdersInZone =>
        (from orders in Gen.ListOf(Order)
         from zone in Gen.Elements(Zones)
         select (orders.ToList(), zone)).ToArbitrary();

    public static Gen<long> Ticks => Gen.Choose(0, 2000 * 24).Select(h => Base.AddHours(h).UtcTicks);
}
