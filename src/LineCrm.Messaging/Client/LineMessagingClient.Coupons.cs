using System.Globalization;
using LineCrm.Messaging.Coupons;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

public partial class LineMessagingClient
{
    /// <summary>Creates a coupon, to send later in a coupon message.</summary>
    /// <param name="request">The coupon's settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A documented rule is broken (see <see cref="CouponRules"/>); nothing was sent.</exception>
    /// <exception cref="LineApiException">400 with LINE's details when LINE refuses a value.</exception>
    [LineOperation("createCoupon")]
    public virtual Task<LineResponse<CreatedCoupon>> CreateCouponAsync(CouponCreateRequest request, CancellationToken cancellationToken = default)
    {
        CouponRules.Check(request);
        return SendAsync(CouponOperations.Create, "v2/bot/coupon", request, LinePlatformJsonContext.Default.CouponCreateRequest,
            LinePlatformJsonContext.Default.CreatedCoupon, retryKey: null, whenAlreadyAccepted: null, cancellationToken);
    }

    /// <summary>One page of the account's coupons. To read them all, use <see cref="GetAllCouponsAsync"/>.</summary>
    /// <param name="statuses">Only coupons in these states; all when null or empty.</param>
    /// <param name="start">The continuation token from the previous page; null for the first page.</param>
    /// <param name="limit">1 to 100 coupons per page; LINE's default (20) when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="limit"/> is out of range; nothing was sent.</exception>
    [LineOperation("listCoupon")]
    public virtual Task<LineResponse<CouponPage>> ListCouponAsync(
        IReadOnlyCollection<CouponStatus>? statuses = null, string? start = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        CouponRules.CheckPageSize(limit);
        var query = (statuses ?? []).Distinct().Select(status => ("status", (string?)status.Value))
            .Append(("start", start))
            .Append(("limit", limit?.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
        return GetAsync(CouponOperations.List, "v2/bot/coupon" + Query(query), LinePlatformJsonContext.Default.CouponPage, cancellationToken);
    }

    /// <summary>Every coupon of the account, page after page.</summary>
    /// <param name="statuses">Only coupons in these states; all when null or empty.</param>
    /// <param name="pageSize">Coupons per request, 1 to 100; LINE's default when null.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <exception cref="ArgumentException"><paramref name="pageSize"/> is out of range; thrown at once, before any request.</exception>
    public virtual IAsyncEnumerable<CouponSummary> GetAllCouponsAsync(
        IReadOnlyCollection<CouponStatus>? statuses = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        CouponRules.CheckPageSize(pageSize);
        return PagesAsync((start, ct) => ListCouponAsync(statuses, start, pageSize, ct), page => page.Items, page => page.Next, cancellationToken);
    }

    /// <summary>A coupon's settings and state.</summary>
    /// <param name="couponId">The coupon's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 for a coupon the account does not have.</exception>
    [LineOperation("getCouponDetail")]
    public virtual Task<LineResponse<CouponDetail>> GetCouponDetailAsync(string couponId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(couponId);
        return GetAsync(CouponOperations.Detail, $"v2/bot/coupon/{Escape(couponId)}", LinePlatformJsonContext.Default.CouponDetail, cancellationToken);
    }

    /// <summary>Closes a coupon: it can no longer be got or used. There is no way back.</summary>
    /// <param name="couponId">The coupon's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="LineApiException">404 for an unknown coupon; 410 for one already closed.</exception>
    [LineOperation("closeCoupon")]
    public virtual Task<LineResponse> CloseCouponAsync(string couponId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(couponId);
        return CallAsync(CouponOperations.Close, $"v2/bot/coupon/{Escape(couponId)}/close", cancellationToken);
    }
}
