using LineCrm.Messaging.Http;

namespace LineCrm.Messaging.Coupons;

/// <summary>The coupon operations for the shared pipeline.</summary>
internal static class CouponOperations
{
    // Creating twice after a lost answer would leave two coupons: retried only when LINE surely did not act.
    public static readonly LineOperationInfo Create = new("createCoupon", HttpMethod.Post, Retry: RetryMode.BeforeSendOnly);
    public static readonly LineOperationInfo List = new("listCoupon", HttpMethod.Get);
    public static readonly LineOperationInfo Detail = new("getCouponDetail", HttpMethod.Get);

    // Closing is one-way, so a repeat cannot do harm; a repeat after a lost answer may see LINE's 410 (already closed).
    public static readonly LineOperationInfo Close = new("closeCoupon", HttpMethod.Put);
}
