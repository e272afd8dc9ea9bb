using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Memberships;

/// <summary>The currency of a membership plan's price. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The ISO 4217 code as LINE sends it.</param>
[JsonConverter(typeof(LineStringValueConverter<MembershipCurrency>))]
public readonly record struct MembershipCurrency(string Value) : ILineStringValue<MembershipCurrency>
{
    /// <summary><c>JPY</c>.</summary>
    public static readonly MembershipCurrency Jpy = new("JPY");

    /// <summary><c>TWD</c>.</summary>
    public static readonly MembershipCurrency Twd = new("TWD");

    /// <summary><c>THB</c>.</summary>
    public static readonly MembershipCurrency Thb = new("THB");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static MembershipCurrency From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A membership plan of the account (<c>getMembershipList</c>).</summary>
/// <param name="MembershipId">The plan id.</param>
/// <param name="Title">The plan's name.</param>
/// <param name="Description">The plan's description.</param>
/// <param name="Benefits">The perks.</param>
/// <param name="Price">The monthly fee.</param>
/// <param name="Currency">The fee's currency.</param>
/// <param name="MemberCount">Members subscribed now.</param>
/// <param name="MemberLimit">The most members it takes; null when unlimited.</param>
/// <param name="IsInAppPurchase">True when members pay through in-app purchase.</param>
/// <param name="IsPublished">True when the plan is published.</param>
public sealed record MembershipPlan(
    long MembershipId,
    string Title,
    string Description,
    IReadOnlyList<string> Benefits,
    decimal Price,
    MembershipCurrency Currency,
    long MemberCount,
    long? MemberLimit,
    bool IsInAppPurchase,
    bool IsPublished);

/// <summary>The account's membership plans.</summary>
/// <param name="Memberships">The plans.</param>
public sealed record MembershipPlanList(IReadOnlyList<MembershipPlan> Memberships);

/// <summary>The plan a user subscribes to, as <c>getMembershipSubscription</c> describes it.</summary>
/// <param name="MembershipId">The plan id.</param>
/// <param name="Title">The plan's name.</param>
/// <param name="Description">The plan's description.</param>
/// <param name="Benefits">The perks.</param>
/// <param name="Price">The monthly fee.</param>
/// <param name="Currency">The fee's currency.</param>
public sealed record SubscribedMembershipPlan(
    long MembershipId, string Title, string Description, IReadOnlyList<string> Benefits, decimal Price, MembershipCurrency Currency);

/// <summary>A user's standing in a plan.</summary>
/// <param name="MembershipNo">The user's member number in the plan.</param>
/// <param name="JoinedTime">When the user subscribed (LINE sends Unix seconds).</param>
/// <param name="NextBillingDate">The next payment day, in Japan time (UTC+9) as LINE counts.</param>
/// <param name="TotalSubscriptionMonths">Months subscribed since the last (re)subscription.</param>
public sealed record SubscribedMembershipUser(
    long MembershipNo,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset JoinedTime,
    DateOnly NextBillingDate,
    int TotalSubscriptionMonths);

/// <summary>One subscription of a user: the plan and the user's standing in it.</summary>
/// <param name="Membership">The plan.</param>
/// <param name="User">The user's standing.</param>
public sealed record MembershipSubscription(SubscribedMembershipPlan Membership, SubscribedMembershipUser User);

/// <summary>A user's subscriptions (<c>getMembershipSubscription</c>); empty when the user subscribes to none.</summary>
/// <param name="Subscriptions">The subscriptions.</param>
public sealed record MembershipSubscriptionList(IReadOnlyList<MembershipSubscription> Subscriptions);

/// <summary>One page of the ids of users who joined a plan (<c>getJoinedMembershipUsers</c>).</summary>
/// <param name="UserIds">Up to 1,000 user ids (users who do not follow the account or did not agree to its terms are left out).</param>
/// <param name="Next">The continuation token (valid 24 hours); null on the last page.</param>
public sealed record MembershipUserIdsPage(IReadOnlyList<string> UserIds, string? Next = null);
