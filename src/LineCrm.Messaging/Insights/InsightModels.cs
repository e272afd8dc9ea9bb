using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Insights;

/// <summary>Whether LINE has computed a day's statistics yet. An open set: a new value is kept, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<InsightStatus>))]
public readonly record struct InsightStatus(string Value) : ILineStringValue<InsightStatus>
{
    /// <summary><c>ready</c>: the figures are final.</summary>
    public static readonly InsightStatus Ready = new("ready");

    /// <summary><c>unready</c>: not computed yet; ask again later.</summary>
    public static readonly InsightStatus Unready = new("unready");

    /// <summary><c>out_of_service</c>: the date is before LINE kept these statistics.</summary>
    public static readonly InsightStatus OutOfService = new("out_of_service");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static InsightStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Friends on a day (<c>getNumberOfFollowers</c>).</summary>
/// <param name="Status">Whether the figures are ready.</param>
public sealed record FollowerStatistics(InsightStatus Status)
{
    /// <summary>Friends (users who added the account).</summary>
    public long? Followers { get; init; }

    /// <summary>Friends reachable by targeted messages.</summary>
    public long? TargetedReaches { get; init; }

    /// <summary>Friends who blocked the account.</summary>
    public long? Blocks { get; init; }
}

/// <summary>Messages delivered on a day, by kind (<c>getNumberOfMessageDeliveries</c>).</summary>
/// <param name="Status">Whether the figures are ready.</param>
public sealed record MessageDeliveryStatistics(InsightStatus Status)
{
    /// <summary>Broadcasts from LINE Official Account Manager.</summary>
    public long? Broadcast { get; init; }

    /// <summary>Targeted messages from LINE Official Account Manager.</summary>
    public long? Targeting { get; init; }

    /// <summary>Auto-responses.</summary>
    public long? AutoResponse { get; init; }

    /// <summary>Greetings to new friends.</summary>
    public long? WelcomeResponse { get; init; }

    /// <summary>Chat messages.</summary>
    public long? Chat { get; init; }

    /// <summary>Broadcasts through the API.</summary>
    public long? ApiBroadcast { get; init; }

    /// <summary>Pushes through the API.</summary>
    public long? ApiPush { get; init; }

    /// <summary>Multicasts through the API.</summary>
    public long? ApiMulticast { get; init; }

    /// <summary>Narrowcasts through the API.</summary>
    public long? ApiNarrowcast { get; init; }

    /// <summary>Replies through the API.</summary>
    public long? ApiReply { get; init; }
}

/// <summary>One share of friends.</summary>
/// <param name="Percentage">The share in percent.</param>
public abstract record DemographicTile(double Percentage);

/// <summary>Friends by gender.</summary>
/// <param name="Gender">male, female or unknown.</param>
/// <param name="Percentage">The share in percent.</param>
public sealed record GenderTile(string? Gender, double Percentage) : DemographicTile(Percentage);

/// <summary>Friends by age band.</summary>
/// <param name="Age">The band, for example <c>from20to24</c>.</param>
/// <param name="Percentage">The share in percent.</param>
public sealed record AgeTile(string? Age, double Percentage) : DemographicTile(Percentage);

/// <summary>Friends by area.</summary>
/// <param name="Area">The area.</param>
/// <param name="Percentage">The share in percent.</param>
public sealed record AreaTile(string? Area, double Percentage) : DemographicTile(Percentage);

/// <summary>Friends by OS.</summary>
/// <param name="AppType">ios, android or others.</param>
/// <param name="Percentage">The share in percent.</param>
public sealed record AppTypeTile(string? AppType, double Percentage) : DemographicTile(Percentage);

/// <summary>Friends by how long they have been friends.</summary>
/// <param name="SubscriptionPeriod">For example <c>within30days</c>.</param>
/// <param name="Percentage">The share in percent.</param>
public sealed record SubscriptionPeriodTile(string? SubscriptionPeriod, double Percentage) : DemographicTile(Percentage);

/// <summary>Friends' demographics (<c>getFriendsDemographics</c>).</summary>
/// <param name="Available">False when the account has too few friends for LINE to say.</param>
public sealed record FriendsDemographics(bool Available)
{
    /// <summary>By gender.</summary>
    public IReadOnlyList<GenderTile>? Genders { get; init; }

    /// <summary>By age band.</summary>
    public IReadOnlyList<AgeTile>? Ages { get; init; }

    /// <summary>By area.</summary>
    public IReadOnlyList<AreaTile>? Areas { get; init; }

    /// <summary>By OS.</summary>
    public IReadOnlyList<AppTypeTile>? AppTypes { get; init; }

    /// <summary>By friendship length.</summary>
    public IReadOnlyList<SubscriptionPeriodTile>? SubscriptionPeriods { get; init; }
}

/// <summary>Interaction with one sent message set (<c>getMessageEvent</c>) or one aggregation unit (<c>getStatisticsPerUnit</c>).</summary>
public sealed record MessageEventStatistics
{
    /// <summary>Totals.</summary>
    public MessageEventOverview? Overview { get; init; }

    /// <summary>Per message bubble.</summary>
    public IReadOnlyList<MessageEventByMessage>? Messages { get; init; }

    /// <summary>Per URL.</summary>
    public IReadOnlyList<MessageEventByUrl>? Clicks { get; init; }
}

/// <summary>Totals of a message set.</summary>
public sealed record MessageEventOverview
{
    /// <summary>The request id of the send.</summary>
    public string? RequestId { get; init; }

    /// <summary>When it was sent (Unix seconds).</summary>
    public long? Timestamp { get; init; }

    /// <summary>Messages delivered.</summary>
    public long? Delivered { get; init; }

    /// <summary>Users who saw a bubble.</summary>
    public long? UniqueImpression { get; init; }

    /// <summary>Users who clicked a URL.</summary>
    public long? UniqueClick { get; init; }

    /// <summary>Users who started a video or audio.</summary>
    public long? UniqueMediaPlayed { get; init; }

    /// <summary>Users who played one to the end.</summary>
    public long? UniqueMediaPlayed100Percent { get; init; }
}

/// <summary>Interaction with one bubble.</summary>
/// <param name="Seq">The bubble's position, from 1.</param>
public sealed record MessageEventByMessage(int Seq)
{
    /// <summary>Times it was seen.</summary>
    public long? Impression { get; init; }

    /// <summary>Users who saw it.</summary>
    public long? UniqueImpression { get; init; }

    /// <summary>Times media was started.</summary>
    public long? MediaPlayed { get; init; }

    /// <summary>Times media was played to the end.</summary>
    public long? MediaPlayed100Percent { get; init; }

    /// <summary>Users who started media.</summary>
    public long? UniqueMediaPlayed { get; init; }

    /// <summary>Users who played media to the end.</summary>
    public long? UniqueMediaPlayed100Percent { get; init; }
}

/// <summary>Clicks on one URL.</summary>
/// <param name="Seq">The bubble's position.</param>
/// <param name="Url">The URL.</param>
public sealed record MessageEventByUrl(long Seq, string? Url)
{
    /// <summary>Clicks.</summary>
    public long? Click { get; init; }

    /// <summary>Users who clicked.</summary>
    public long? UniqueClick { get; init; }

    /// <summary>Users of this request who clicked.</summary>
    public long? UniqueClickOfRequest { get; init; }
}
