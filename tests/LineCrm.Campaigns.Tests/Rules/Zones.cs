using LineCrm.Campaigns.Rules;
using LineCrm.Identity;
using Microsoft.Extensions.Time.Testing;

namespace LineCrm.Campaigns.Tests.Rules;

/// <summary>The zones and helpers of the rules' tests: instants written in local time, a person, a history.</summary>
internal static class Zones
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static readonly PersonId Person = new(42);

    /// <summary>An instant written as Tokyo's clock shows it (UTC+9 all year).</summary>
    public static DateTimeOffset InTokyo(int year, int month, int day, int hour, int minute)
        => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    public static DateTimeOffset InUtc(int year, int month, int day, int hour, int minute)
        => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static InMemoryDeliveryHistory History(params DateTimeOffset[] sentAt)
    {
        var history = new InMemoryDeliveryHistory();
        foreach (var at in sentAt)
        {
            history.Add(new DeliveryRecord(Person, at, new CampaignId("earlier")));
        }

        return history;
    }

    public static SendDecision DecideOne(DeliveryPolicy policy, DateTimeOffset now, InMemoryDeliveryHistory history, TimeZoneInfo? personZone = null)
        => Assert.Single(new DeliveryRules(policy, new FakeTimeProvider(now)).Decide(
            Person, personZone, [new CampaignRequest(new CampaignId("this-one"), 0)], history));
}
