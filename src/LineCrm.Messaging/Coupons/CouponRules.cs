using LineCrm.Messaging.Messages.Validation;

namespace LineCrm.Messaging.Coupons;

/// <summary>LINE's documented limits for coupons (messaging-api.yml, <c>CouponCreateRequest</c>), checked before sending.</summary>
public static class CouponRules
{
    /// <summary>Characters in a title.</summary>
    public const int TitleLength = 60;

    /// <summary>Characters in a description.</summary>
    public const int DescriptionLength = 1000;

    /// <summary>Characters in the conditions of use.</summary>
    public const int UsageConditionLength = 100;

    /// <summary>The most coupons a lottery can hand out (-1 means no limit).</summary>
    public const int MaxAcquireCount = 999_999;

    /// <summary>Coupons per page when listing.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first rule <paramref name="request"/> breaks.</summary>
    internal static void Check(CouponCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        LineLimits.Length(request.Title, "title", 1, TitleLength);
        LineLimits.MaxLength(request.Description, "description", DescriptionLength);
        LineLimits.MaxLength(request.UsageCondition, "usageCondition", UsageConditionLength);
        if (request.MaxUseCountPerTicket is not (1 or -1))
        {
            throw LineLimits.Violation("maxUseCountPerTicket", "must be 1, or -1 for no limit", $"is {request.MaxUseCountPerTicket}");
        }

        if (request.EndTimestamp <= request.StartTimestamp)
        {
            throw LineLimits.Violation("endTimestamp", "must be after startTimestamp",
                $"is {request.EndTimestamp:O}, start {request.StartTimestamp:O}");
        }

        LineLimits.Required(request.AcquisitionCondition, "acquisitionCondition");
        if (request.AcquisitionCondition.Type == CouponAcquisitionType.Lottery)
        {
            LineLimits.Required(request.AcquisitionCondition.LotteryProbability, "acquisitionCondition.lotteryProbability");
            LineLimits.Range(request.AcquisitionCondition.LotteryProbability, "acquisitionCondition.lotteryProbability", 1, 99);
            LineLimits.Required(request.AcquisitionCondition.MaxAcquireCount, "acquisitionCondition.maxAcquireCount");
            if (request.AcquisitionCondition.MaxAcquireCount is not (-1 or (>= 1 and <= MaxAcquireCount)))
            {
                throw LineLimits.Violation("acquisitionCondition.maxAcquireCount", $"must be 1 to {MaxAcquireCount}, or -1 for no limit",
                    $"is {request.AcquisitionCondition.MaxAcquireCount}");
            }
        }

        if (request.Reward?.PriceInfo is { } price)
        {
            CheckPrice(price, request.Reward.Type);
        }
    }

    internal static void CheckPageSize(int? limit) => LineLimits.Range(limit, "limit", 1, MaxPageSize);

    private static void CheckPrice(CouponPriceInfo price, CouponRewardType reward)
    {
        if (price.Type == CouponPriceInfoType.Percentage)
        {
            LineLimits.Required(price.Percentage, "reward.priceInfo.percentage");
            LineLimits.Range(price.Percentage, "reward.priceInfo.percentage", 1, 99);
        }
        else if (price.Type == CouponPriceInfoType.Fixed)
        {
            LineLimits.Required(price.FixedAmount, "reward.priceInfo.fixedAmount");
            LineLimits.Range(price.FixedAmount, "reward.priceInfo.fixedAmount", 1, long.MaxValue);
        }
        else if (price.Type == CouponPriceInfoType.Explicit)
        {
            if (reward == CouponRewardType.CashBack)
            {
                throw LineLimits.Violation("reward.priceInfo.type", "must be fixed or percentage for a cash-back", "is explicit");
            }

            LineLimits.Required(price.PriceAfterDiscount, "reward.priceInfo.priceAfterDiscount");
            LineLimits.Required(price.OriginalPrice, "reward.priceInfo.originalPrice");
            if (price.PriceAfterDiscount < 0 || price.PriceAfterDiscount >= price.OriginalPrice)
            {
                throw LineLimits.Violation("reward.priceInfo.priceAfterDiscount", "must be at least 0 and below originalPrice",
                    $"is {price.PriceAfterDiscount} against {price.OriginalPrice}");
            }
        }
    }
}
