using LineCrm.Segmentation.Metrics;

namespace LineCrm.Segmentation.Tests.Metrics;

/// <summary>Small helpers to write order fixtures as text: "2026-01-05T10:00Z".</summary>
internal static class Orders
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static OrderTable Table(params (int Person, string At, decimal Amount)[] rows)
    {
        var builder = new OrderTableBuilder();
        foreach (var (person, at, amount) in rows)
        {
            builder.Add(person, At(at), amount);
        }

        return builder.Build();
    }
}
