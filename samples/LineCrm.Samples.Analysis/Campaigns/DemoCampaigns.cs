using LineCrm.Campaigns;
using LineCrm.Campaigns.Assignment;
using LineCrm.Campaigns.Definition;
using LineCrm.Campaigns.Rules;
using LineCrm.Messaging.Messages;

namespace LineCrm.Samples.Analysis.Campaigns;

/// <summary>
/// The two campaigns of the demo week and the account's rules. Winback (priority 2) sends a web coupon at 10:00 on
/// Wednesday 4 November 2026 to customers who have not bought for 120 days; new-arrivals (priority 1) invites recent
/// clickers to the stores, as soon as the job runs at 08:00 (quiet hours hold it to 09:00), in two variants, one
/// naming the product the person last looked at. One message a day and two a week, so a person both campaigns
/// want gets winback's, and new-arrivals records "capped by campaign winback".
/// </summary>
internal static class DemoCampaigns
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>When the job runs the campaigns: 08:00 on Wednesday 4 November 2026 in Tokyo.</summary>
    public static readonly DateTimeOffset RunAt = new(2026, 11, 4, 8, 0, 0, TimeSpan.FromHours(9));

    public static readonly DeliveryPolicy Policy = new(
        [new FrequencyCap(1, CapPeriod.Day), new FrequencyCap(2, CapPeriod.Week)],
        new QuietHours(new TimeOnly(21, 0), new TimeOnly(9, 0)),
        Tokyo);

    /// <summary>5% of everyone, never messaged by any campaign.</summary>
    public static readonly GlobalControlGroup Control = new(0.05, "demo-2026");

    public static readonly Campaign Winback = new(
        new CampaignId("winback"),
        "!blocked && purchases.size() > 0 && lastPurchaseAt < now - days(120)",
        [new CampaignVariant("coupon", 1, [new TextMessage("お久しぶりです。今週オンラインストアで使える10%オフクーポンをお届けします: WELCOME-BACK")])],
        """kind == "purchased" && channel == "web" """,
        new CampaignSettings { Priority = 2, Schedule = CampaignSchedule.Once(new DateOnly(2026, 11, 4), new TimeOnly(10, 0), Tokyo) });

    public static readonly Campaign NewArrivals = new(
        new CampaignId("new-arrivals"),
        "!blocked && lastClickAt > now - days(365)",
        [
            new CampaignVariant("named-product", 0.5, [new TextMessage("{{lastViewed|今季の新作}}、店頭でお試しいただけます。お近くの店舗でお待ちしています。")]),
            new CampaignVariant("plain", 0.5, [new TextMessage("新作が入荷しました。お近くの店舗でお待ちしています。")]),
        ],
        """kind == "purchased" && channel == "store" """,
        new CampaignSettings { Priority = 1 });

    public static IReadOnlyList<Campaign> All { get; } = [Winback, NewArrivals];
}
