using System.Globalization;
using LineCrm.Messaging.Coupons;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Pnp;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Client;

/// <summary>The worked examples of docs/platform.md for chats, membership, coupons and PNP, as written there, against the fake.</summary>
public sealed class PlatformGuideExamplesTests
{
    private static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_groups_and_membership_examples_run_as_written()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var client = line.Client;
        var ct = TestContext.Current.CancellationToken;
        const string groupId = "Cguide000000000000000000000000001";
        var chat = new FakeChat(groupId, "Guide group");
        var plan = new FakeMembership(3189, "Basic Plan", 500m);
        for (var i = 0; i < 150; i++)
        {
            chat.Members[UserId(i)] = "m" + i.ToString(CultureInfo.InvariantCulture);
            plan.Members[UserId(i)] = 1_707_214_784;
        }

        line.Server.Platform.Groups[groupId] = chat;
        line.Server.Platform.Memberships[3189] = plan;
        var userId = UserId(5);

        // Groups and rooms.
        var group = (await client.GetGroupSummaryAsync(groupId, ct)).Value;
        var members = (await client.GetGroupMemberCountAsync(groupId, ct)).Value.Count;
        var profile = (await client.GetGroupMemberProfileAsync(groupId, userId, ct)).Value;
        var memberIds = new List<string>();
        await foreach (var memberId in client.GetAllGroupMemberIdsAsync(groupId, ct))
        {
            memberIds.Add(memberId);
        }

        await client.LeaveGroupAsync(groupId, ct);

        // Membership.
        var plans = (await client.GetMembershipListAsync(ct)).Value.Memberships;
        var paying = new List<string>();
        foreach (var each in plans)
        {
            await foreach (var payingUserId in client.GetAllJoinedMembershipUserIdsAsync(each.MembershipId, cancellationToken: ct))
            {
                paying.Add(payingUserId);
            }
        }

        var mine = (await client.GetMembershipSubscriptionAsync(userId, ct)).Value.Subscriptions;

        Assert.Equal("Guide group", group.GroupName);
        Assert.Equal(150, members);
        Assert.Equal("m5", profile.DisplayName);
        Assert.Equal(150, memberIds.Distinct().Count());
        Assert.Equal(2, line.Server.RequestsOf("getGroupMembersIds").Count); // LINE's 100 per page
        Assert.Empty(line.Server.Platform.Groups);
        Assert.Equal(150, paying.Count);
        Assert.Equal(3189, Assert.Single(mine).Membership.MembershipId);
    }

    [Fact]
    public async Task The_coupon_and_pnp_examples_run_as_written()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var client = line.Client;
        var ct = TestContext.Current.CancellationToken;

        // Coupons.
        var coupon = new CouponCreateRequest(
            Title: "10% off winter coats",
            AcquisitionCondition: CouponAcquisitionCondition.Normal,
            StartTimestamp: new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9)),
            EndTimestamp: new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(9)),
            MaxUseCountPerTicket: 1,
            Visibility: CouponVisibility.Unlisted,
            Timezone: CouponTimeZone.AsiaTokyo)
        {
            Description = "Show this at the till.",
            Reward = CouponReward.Discount(CouponPriceInfo.PercentageOf(10)),
        };
        var couponId = (await client.CreateCouponAsync(coupon, ct)).Value.CouponId;
        var running = new List<CouponSummary>();
        await foreach (var each in client.GetAllCouponsAsync([CouponStatus.Running], pageSize: 100, ct))
        {
            running.Add(each);
        }

        var detail = (await client.GetCouponDetailAsync(couponId, ct)).Value;
        await client.CloseCouponAsync(couponId, ct);

        // PNP.
        var phone = E164PhoneNumber.Parse("+818000001234");
        await client.PushMessagesByPhoneAsync(
            phone,
            [new TextMessage("Your parcel arrives today between 14:00 and 16:00.")],
            deliveryTag: "order-2026-000123",
            cancellationToken: ct);
        var sent = (await client.GetPnpMessageStatisticsAsync(new DateOnly(2026, 11, 23), ct)).Value;

        Assert.Equal(couponId, Assert.Single(running).CouponId);
        Assert.Equal(CouponVisibility.Unlisted, detail.Visibility);
        Assert.Equal(10, detail.Reward!.PriceInfo!.Percentage);
        Assert.Equal("CLOSED", line.Server.Platform.Coupons[couponId].Status);
        Assert.Equal("order-2026-000123", Assert.Single(line.Server.Platform.PnpDeliveries).DeliveryTag);
        Assert.Equal(1, sent.Success);
    }
}
