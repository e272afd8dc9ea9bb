using LineCrm.Messaging.Client;
using LineCrm.Messaging.Insights;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Serialization;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Insights;

public sealed class InsightTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    [Fact]
    public async Task Daily_figures_send_the_date_as_yyyyMMdd_and_read_the_status()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Users[UserId] = "Aiko";
        await line.Client.PushMessageAsync(UserId, [new TextMessage("hi")], ct);

        var followers = (await line.Client.GetNumberOfFollowersAsync(new DateOnly(2026, 11, 3), ct)).Value;
        var deliveries = (await line.Client.GetNumberOfMessageDeliveriesAsync(new DateOnly(2026, 1, 31), ct)).Value;

        Assert.Equal("/v2/bot/insight/followers?date=20261103", Assert.Single(line.Server.RequestsOf("getNumberOfFollowers")).PathAndQuery);
        Assert.Equal("/v2/bot/insight/message/delivery?date=20260131", Assert.Single(line.Server.RequestsOf("getNumberOfMessageDeliveries")).PathAndQuery);
        Assert.Equal(InsightStatus.Ready, followers.Status);
        Assert.Equal(1, followers.Followers);
        Assert.Equal(1, deliveries.ApiPush);
    }

    [Fact]
    public async Task Demographics_and_message_events_are_read_and_an_unknown_request_id_is_404_with_details()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var push = await line.Client.PushMessageAsync(UserId, [new TextMessage("sale")], ct);

        var demographics = (await line.Client.GetFriendsDemographicsAsync(ct)).Value;
        var events = (await line.Client.GetMessageEventAsync(push.RequestId!, ct)).Value;
        var missing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetMessageEventAsync("nope", ct));

        Assert.True(demographics.Available);
        Assert.Equal(61.5, demographics.Genders!.Single(g => g.Gender == "female").Percentage);
        Assert.Equal("from90", demographics.Ages![1].Age); // a band the spec does not list is kept as is
        Assert.Equal(push.RequestId, events.Overview!.RequestId);
        Assert.Equal(3, Assert.Single(events.Messages!).Impression);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("requestId", Assert.Single(missing.Details).Property);
    }

    [Fact]
    public async Task Rich_menu_insights_read_yyyyMMdd_dates_per_day_and_404_for_an_unknown_menu()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.KnownRichMenus["richmenu-1"] = true;
        var from = new DateOnly(2026, 2, 27);
        var to = new DateOnly(2026, 3, 2);

        var summary = (await line.Client.GetRichMenuInsightSummaryAsync("richmenu-1", from, to, ct)).Value;
        var daily = (await line.Client.GetRichMenuInsightDailyAsync("richmenu-1", from, to, ct)).Value;
        var unknown = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetRichMenuInsightDailyAsync("richmenu-2", from, to, ct));

        Assert.Equal(from, summary.MetricsFrom);
        Assert.Equal(new RichMenuMetrics(100, 40), summary.Impression!.Metrics);
        Assert.Equal(new RichMenuAreaBounds(0, 0, 1250, 843), Assert.Single(summary.Clicks!).Bounds);
        Assert.Equal([from, from.AddDays(1), from.AddDays(2), to], daily.Impression!.Metrics.Select(m => m.Date));
        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal("getRichMenuInsightDaily", unknown.OperationId);
    }

    [Fact]
    public async Task Statistics_per_unit_and_a_backwards_period_is_refused_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var backwards = await Assert.ThrowsAsync<ArgumentException>(() =>
            line.Client.GetStatisticsPerUnitAsync("promo", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1), ct));
        Assert.Empty(line.Server.Requests);
        Assert.Equal("lastDay", backwards.ParamName);

        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "getStatisticsPerUnit"));
        var stats = await line.Client.GetStatisticsPerUnitAsync("promo", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), ct);

        Assert.Equal(200, stats.Status);
        Assert.Equal(
            ["/v2/bot/insight/message/event/aggregation?customAggregationUnit=promo&from=20260301&to=20260302"],
            line.Server.RequestsOf("getStatisticsPerUnit").Select(r => r.PathAndQuery).Distinct());
        Assert.Equal([429, 200], line.Server.RequestsOf("getStatisticsPerUnit").Select(r => r.Status));
    }

    [Fact]
    public void Dates_round_trip_and_a_bad_date_names_the_value()
    {
        Assert.Equal("20260213", LineDates.Format(new DateOnly(2026, 2, 13)));
        Assert.True(LineDates.TryParse("20260213", out var date));
        Assert.Equal(new DateOnly(2026, 2, 13), date);
        var error = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize(
            """{"date":"2026-02-13","count":1,"uniqueUsers":1}""", LinePlatformJsonContext.Default.RichMenuDailyMetrics));
        Assert.Contains("2026-02-13", error.Message, StringComparison.Ordinal);
    }
}
