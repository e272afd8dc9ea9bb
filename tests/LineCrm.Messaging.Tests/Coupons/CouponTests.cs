using System.Text.Json;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Coupons;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Coupons;

public sealed class CouponTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9));

    private static CouponCreateRequest Coupon(string title = "10% off winter coats") => new(
        title, CouponAcquisitionCondition.Normal, Start, Start.AddDays(31), MaxUseCountPerTicket: 1, CouponVisibility.Public, CouponTimeZone.AsiaTokyo)
    {
        Description = "Show this at the till.",
        Reward = CouponReward.Discount(CouponPriceInfo.PercentageOf(10)),
    };

    [Fact]
    public async Task A_coupon_is_created_with_the_spec_wire_format_and_read_back_typed()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var request = Coupon() with
        {
            AcquisitionCondition = CouponAcquisitionCondition.Lottery(probability: 30, maxAcquireCount: -1),
            Reward = CouponReward.CashBack(CouponPriceInfo.FixedAmountOf(500)),
            MaxUseCountPerTicket = -1,
        };

        var created = (await line.Client.CreateCouponAsync(request, ct)).Value;
        var detail = (await line.Client.GetCouponDetailAsync(created.CouponId, ct)).Value;

        using var sent = JsonDocument.Parse(Assert.Single(line.Server.RequestsOf("createCoupon")).Body);
        var body = sent.RootElement;
        Assert.Equal(1_796_050_800, body.GetProperty("startTimestamp").GetInt64()); // 2026-12-01T00:00+09:00, from `date -d`
        Assert.Equal("ASIA_TOKYO", body.GetProperty("timezone").GetString());
        Assert.Equal("PUBLIC", body.GetProperty("visibility").GetString());
        Assert.Equal("lottery", body.GetProperty("acquisitionCondition").GetProperty("type").GetString());
        Assert.Equal(30, body.GetProperty("acquisitionCondition").GetProperty("lotteryProbability").GetInt32());
        Assert.Equal("cashBack", body.GetProperty("reward").GetProperty("type").GetString());
        Assert.Equal(500, body.GetProperty("reward").GetProperty("priceInfo").GetProperty("fixedAmount").GetInt64());
        Assert.False(body.TryGetProperty("couponCode", out _));

        Assert.Equal(created.CouponId, detail.CouponId);
        Assert.Equal(CouponStatus.Running, detail.Status);
        Assert.Equal(Start, detail.StartTimestamp);
        Assert.Equal(Start.AddDays(31), detail.EndTimestamp);
        Assert.Equal(CouponTimeZone.AsiaTokyo, detail.Timezone);
        Assert.Equal(CouponRewardType.CashBack, detail.Reward!.Type);
        Assert.Equal(CouponCurrency.Jpy, detail.Reward.PriceInfo!.Currency);
        Assert.Equal(30, detail.AcquisitionCondition!.LotteryProbability);
    }

    [Fact]
    public async Task Coupons_are_listed_across_pages_and_filtered_by_status_then_closed()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add((await line.Client.CreateCouponAsync(Coupon($"coupon {i}"), ct)).Value.CouponId);
        }

        await line.Client.CloseCouponAsync(ids[2], ct);
        var all = await line.Client.GetAllCouponsAsync(pageSize: 3, cancellationToken: ct).ToListAsync(ct);
        var running = await line.Client.GetAllCouponsAsync([CouponStatus.Running, CouponStatus.Draft], pageSize: 3, ct).ToListAsync(ct);
        var closed = (await line.Client.ListCouponAsync([CouponStatus.Closed], cancellationToken: ct)).Value;
        var again = await Assert.ThrowsAsync<LineApiException>(() => line.Client.CloseCouponAsync(ids[2], ct));

        Assert.Equal(ids, all.Select(c => c.CouponId));
        Assert.Equal("coupon 0", all[0].Title);
        Assert.Equal(6, running.Count);
        Assert.DoesNotContain(ids[2], running.Select(c => c.CouponId));
        Assert.Equal(ids[2], Assert.Single(closed.Items).CouponId);
        Assert.Null(closed.Next);
        Assert.Equal(410, (int)again.StatusCode);
        var lists = line.Server.RequestsOf("listCoupon");
        Assert.Equal("/v2/bot/coupon?limit=3", lists[0].PathAndQuery);
        Assert.Equal("/v2/bot/coupon?start=fake-page-3&limit=3", lists[1].PathAndQuery);
        Assert.Equal("/v2/bot/coupon?start=fake-page-6&limit=3", lists[2].PathAndQuery); // 3 + 3 + 1
        Assert.StartsWith("/v2/bot/coupon?status=RUNNING&status=DRAFT&limit=3", lists[3].PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_coupons_are_404_and_a_value_line_refuses_is_400_with_details()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var missing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetCouponDetailAsync("COUPON_nope", ct));
        var closeMissing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.CloseCouponAsync("COUPON_nope", ct));
        // An open set lets a value through that LINE may add later; today LINE's schema refuses it, with details.
        var refused = await Assert.ThrowsAsync<LineApiException>(() =>
            line.Client.CreateCouponAsync(Coupon() with { Timezone = CouponTimeZone.From("ASIA_SEOUL"), Visibility = CouponVisibility.Private }, ct));

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("couponId", Assert.Single(missing.Details).Property);
        Assert.Equal(404, (int)closeMissing.StatusCode);
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Equal(["timezone", "visibility"], refused.Details.Select(d => d.Property).Order(StringComparer.Ordinal));
        Assert.Empty(line.Server.Platform.Coupons);
    }

    public static TheoryData<CouponCreateRequest, string> Broken() => new()
    {
        { Coupon(title: ""), "title" },
        { Coupon(title: new string('t', 61)), "title" },
        { Coupon() with { Description = new string('d', 1001) }, "description" },
        { Coupon() with { UsageCondition = new string('u', 101) }, "usageCondition" },
        { Coupon() with { MaxUseCountPerTicket = 0 }, "maxUseCountPerTicket" },
        { Coupon() with { MaxUseCountPerTicket = 2 }, "maxUseCountPerTicket" },
        { Coupon() with { EndTimestamp = Start }, "endTimestamp" },
        { Coupon() with { AcquisitionCondition = CouponAcquisitionCondition.Lottery(0, 10) }, "acquisitionCondition.lotteryProbability" },
        { Coupon() with { AcquisitionCondition = CouponAcquisitionCondition.Lottery(100, 10) }, "acquisitionCondition.lotteryProbability" },
        { Coupon() with { AcquisitionCondition = CouponAcquisitionCondition.Lottery(50, 1_000_000) }, "acquisitionCondition.maxAcquireCount" },
        { Coupon() with { AcquisitionCondition = CouponAcquisitionCondition.Lottery(50, 0) }, "acquisitionCondition.maxAcquireCount" },
        { Coupon() with { Reward = CouponReward.Discount(CouponPriceInfo.PercentageOf(100)) }, "reward.priceInfo.percentage" },
        { Coupon() with { Reward = CouponReward.CashBack(CouponPriceInfo.FixedAmountOf(0)) }, "reward.priceInfo.fixedAmount" },
        { Coupon() with { Reward = CouponReward.CashBack(CouponPriceInfo.Explicit(800, 1000)) }, "reward.priceInfo.type" },
        { Coupon() with { Reward = CouponReward.Discount(CouponPriceInfo.Explicit(1000, 1000)) }, "reward.priceInfo.priceAfterDiscount" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_rule_is_refused_before_sending_naming_the_field(CouponCreateRequest request, string field)
    {
        await using var line = await FakeLineHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.CreateCouponAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal(field, error.ParamName);
        Assert.StartsWith(field + " ", error.Message, StringComparison.Ordinal);
        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task Page_sizes_and_ids_are_checked_before_sending()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.ListCouponAsync(limit: 101, cancellationToken: ct));
        Assert.Throws<ArgumentException>(() => line.Client.GetAllCouponsAsync(pageSize: 0, cancellationToken: ct));
        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.GetCouponDetailAsync("", ct));
        await Assert.ThrowsAsync<ArgumentException>(() => line.Client.CloseCouponAsync("", ct));

        Assert.Empty(line.Server.Requests);
    }

    [Fact]
    public async Task Creating_is_not_retried_after_a_lost_answer_but_a_429_is()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "createCoupon"));
        var created = await line.Client.CreateCouponAsync(Coupon(), ct);
        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.ServerErrorAfterProcessing, "createCoupon"));
        var lost = await Assert.ThrowsAsync<LineApiException>(() => line.Client.CreateCouponAsync(Coupon("second"), ct));

        Assert.Equal(200, created.Status);
        Assert.Equal(500, (int)lost.StatusCode);
        Assert.Equal([429, 200, 500], line.Server.RequestsOf("createCoupon").Select(r => r.Status));
        Assert.Equal(2, line.Server.Platform.Coupons.Count); // the lost one exists once, not twice
    }
}
