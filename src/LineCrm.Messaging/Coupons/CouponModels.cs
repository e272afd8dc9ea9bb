using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Coupons;

/// <summary>
/// How users get a coupon: <see cref="Normal"/> (everyone who asks) or a <see cref="Lottery"/>. LINE reads back
/// <c>referral</c> too; a type LINE adds later is kept in <see cref="Type"/>.
/// </summary>
/// <param name="Type">The kind of condition.</param>
public sealed record CouponAcquisitionCondition(CouponAcquisitionType Type)
{
    /// <summary>For a lottery: the chance of winning, 1 to 99 percent.</summary>
    public int? LotteryProbability { get; init; }

    /// <summary>For a lottery: the most coupons handed out, 1 to 999,999, or -1 for no limit.</summary>
    public int? MaxAcquireCount { get; init; }

    /// <summary>Every user who asks gets the coupon.</summary>
    public static CouponAcquisitionCondition Normal { get; } = new(CouponAcquisitionType.Normal);

    /// <summary>Users win the coupon by chance.</summary>
    /// <param name="probability">The chance of winning, 1 to 99 percent.</param>
    /// <param name="maxAcquireCount">The most coupons handed out, 1 to 999,999, or -1 for no limit.</param>
    public static CouponAcquisitionCondition Lottery(int probability, int maxAcquireCount) =>
        new(CouponAcquisitionType.Lottery) { LotteryProbability = probability, MaxAcquireCount = maxAcquireCount };
}

/// <summary>How much a cash-back or discount is worth: a fixed amount, a percentage, or (discounts) an explicit price.</summary>
/// <param name="Type">The kind of price statement.</param>
public sealed record CouponPriceInfo(CouponPriceInfoType Type)
{
    /// <summary>For <see cref="CouponPriceInfoType.Fixed"/>: the amount off or back.</summary>
    public long? FixedAmount { get; init; }

    /// <summary>For <see cref="CouponPriceInfoType.Percentage"/>: 1 to 99 percent.</summary>
    public int? Percentage { get; init; }

    /// <summary>For <see cref="CouponPriceInfoType.Explicit"/> discounts: the price with the coupon.</summary>
    public long? PriceAfterDiscount { get; init; }

    /// <summary>For <see cref="CouponPriceInfoType.Explicit"/> discounts: the price without it.</summary>
    public long? OriginalPrice { get; init; }

    /// <summary>The currency of a fixed or explicit amount; LINE sends it back, it is not sent.</summary>
    public CouponCurrency? Currency { get; init; }

    /// <summary>A fixed amount off or back.</summary>
    /// <param name="amount">The amount, in the account's currency.</param>
    public static CouponPriceInfo FixedAmountOf(long amount) => new(CouponPriceInfoType.Fixed) { FixedAmount = amount };

    /// <summary>A percentage off or back.</summary>
    /// <param name="percentage">1 to 99.</param>
    public static CouponPriceInfo PercentageOf(int percentage) => new(CouponPriceInfoType.Percentage) { Percentage = percentage };

    /// <summary>A discount stated as the price before and after (discounts only).</summary>
    /// <param name="priceAfterDiscount">The price with the coupon.</param>
    /// <param name="originalPrice">The price without it.</param>
    public static CouponPriceInfo Explicit(long priceAfterDiscount, long originalPrice) =>
        new(CouponPriceInfoType.Explicit) { PriceAfterDiscount = priceAfterDiscount, OriginalPrice = originalPrice };
}

/// <summary>What a coupon gives: a cash-back or discount (with a <see cref="PriceInfo"/>), something free, a gift, or other.</summary>
/// <param name="Type">The kind of reward.</param>
public sealed record CouponReward(CouponRewardType Type)
{
    /// <summary>How much a cash-back or discount is worth.</summary>
    public CouponPriceInfo? PriceInfo { get; init; }

    /// <summary>Money back after purchase.</summary>
    /// <param name="priceInfo">A fixed amount or a percentage.</param>
    public static CouponReward CashBack(CouponPriceInfo priceInfo) => new(CouponRewardType.CashBack) { PriceInfo = priceInfo };

    /// <summary>Money off.</summary>
    /// <param name="priceInfo">A fixed amount, a percentage or an explicit price.</param>
    public static CouponReward Discount(CouponPriceInfo priceInfo) => new(CouponRewardType.Discount) { PriceInfo = priceInfo };

    /// <summary>Something for free.</summary>
    public static CouponReward Free { get; } = new(CouponRewardType.Free);

    /// <summary>A gift.</summary>
    public static CouponReward Gift { get; } = new(CouponRewardType.Gift);

    /// <summary>Another benefit, described in the coupon's text.</summary>
    public static CouponReward Others { get; } = new(CouponRewardType.Others);
}

/// <summary>
/// The body of <c>createCoupon</c>. Checked before sending against LINE's documented rules (see
/// <see cref="CouponRules"/>); the enums are open sets and pass through as given, so LINE judges values it adds later.
/// </summary>
/// <param name="Title">Shown in the coupon list, 1 to 60 characters.</param>
/// <param name="AcquisitionCondition">How users get it.</param>
/// <param name="StartTimestamp">From when it can be used (sent as Unix seconds).</param>
/// <param name="EndTimestamp">Until when it can be used; after <paramref name="StartTimestamp"/>.</param>
/// <param name="MaxUseCountPerTicket">Uses per ticket: 1, or -1 for no limit.</param>
/// <param name="Visibility">Who can see it: <c>UNLISTED</c> or <c>PUBLIC</c>.</param>
/// <param name="Timezone">The time zone its period is shown in.</param>
public sealed record CouponCreateRequest(
    string Title,
    CouponAcquisitionCondition AcquisitionCondition,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset StartTimestamp,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset EndTimestamp,
    int MaxUseCountPerTicket,
    CouponVisibility Visibility,
    CouponTimeZone Timezone)
{
    /// <summary>Shown to users, at most 1,000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>Conditions of use shown to users, at most 100 characters.</summary>
    public string? UsageCondition { get; init; }

    /// <summary>The main image's URL, shown in the coupon list.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>A barcode image's URL, for redemption in stores.</summary>
    public string? BarcodeImageUrl { get; init; }

    /// <summary>A code users show to redeem it.</summary>
    public string? CouponCode { get; init; }

    /// <summary>What it gives.</summary>
    public CouponReward? Reward { get; init; }
}

/// <summary>LINE's answer to <c>createCoupon</c>.</summary>
/// <param name="CouponId">The new coupon's id.</param>
public sealed record CreatedCoupon(string CouponId);

/// <summary>A coupon in a list (<c>listCoupon</c>).</summary>
/// <param name="CouponId">The coupon's id.</param>
/// <param name="Title">Its title.</param>
public sealed record CouponSummary(string CouponId, string Title);

/// <summary>One page of coupons.</summary>
/// <param name="Items">The coupons.</param>
/// <param name="Next">The continuation token for the next page; null on the last page.</param>
public sealed record CouponPage(IReadOnlyList<CouponSummary> Items, string? Next = null);

/// <summary>A coupon with all its settings and state (<c>getCouponDetail</c>); LINE marks no field as always present.</summary>
public sealed record CouponDetail
{
    /// <summary>The coupon's id.</summary>
    public string? CouponId { get; init; }

    /// <summary>Its title.</summary>
    public string? Title { get; init; }

    /// <summary>Its description.</summary>
    public string? Description { get; init; }

    /// <summary>Its conditions of use.</summary>
    public string? UsageCondition { get; init; }

    /// <summary>The main image's URL.</summary>
    public string? ImageUrl { get; init; }

    /// <summary>The barcode image's URL.</summary>
    public string? BarcodeImageUrl { get; init; }

    /// <summary>The code users show to redeem it.</summary>
    public string? CouponCode { get; init; }

    /// <summary>From when it can be used.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset StartTimestamp { get; init; }

    /// <summary>Until when it can be used.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset EndTimestamp { get; init; }

    /// <summary>When it was created.</summary>
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset CreatedTimestamp { get; init; }

    /// <summary>The most coupons handed out in total.</summary>
    public long? MaxAcquireCount { get; init; }

    /// <summary>Uses per ticket.</summary>
    public int? MaxUseCountPerTicket { get; init; }

    /// <summary>The most tickets one user can get.</summary>
    public long? MaxTicketPerUser { get; init; }

    /// <summary>How users get it.</summary>
    public CouponAcquisitionCondition? AcquisitionCondition { get; init; }

    /// <summary>What it gives.</summary>
    public CouponReward? Reward { get; init; }

    /// <summary>Who can see it.</summary>
    public CouponVisibility? Visibility { get; init; }

    /// <summary>The time zone its period is shown in.</summary>
    public CouponTimeZone? Timezone { get; init; }

    /// <summary>Its state.</summary>
    public CouponStatus? Status { get; init; }
}
