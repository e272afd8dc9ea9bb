using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Audiences;

/// <summary>The state of an audience: only <c>READY</c> audiences can be sent to. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupStatus>))]
public readonly record struct AudienceGroupStatus(string Value) : ILineStringValue<AudienceGroupStatus>
{
    /// <summary><c>IN_PROGRESS</c>.</summary>
    public static readonly AudienceGroupStatus InProgress = new("IN_PROGRESS");

    /// <summary><c>READY</c>.</summary>
    public static readonly AudienceGroupStatus Ready = new("READY");

    /// <summary><c>FAILED</c>.</summary>
    public static readonly AudienceGroupStatus Failed = new("FAILED");

    /// <summary><c>EXPIRED</c>.</summary>
    public static readonly AudienceGroupStatus Expired = new("EXPIRED");

    /// <summary><c>INACTIVE</c>.</summary>
    public static readonly AudienceGroupStatus Inactive = new("INACTIVE");

    /// <summary><c>ACTIVATING</c>.</summary>
    public static readonly AudienceGroupStatus Activating = new("ACTIVATING");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>How an audience was made. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupType>))]
public readonly record struct AudienceGroupType(string Value) : ILineStringValue<AudienceGroupType>
{
    /// <summary><c>UPLOAD</c>.</summary>
    public static readonly AudienceGroupType Upload = new("UPLOAD");

    /// <summary><c>CLICK</c>.</summary>
    public static readonly AudienceGroupType Click = new("CLICK");

    /// <summary><c>IMP</c>.</summary>
    public static readonly AudienceGroupType Imp = new("IMP");

    /// <summary><c>CHAT_TAG</c>.</summary>
    public static readonly AudienceGroupType ChatTag = new("CHAT_TAG");

    /// <summary><c>FRIEND_PATH</c>.</summary>
    public static readonly AudienceGroupType FriendPath = new("FRIEND_PATH");

    /// <summary><c>RESERVATION</c>.</summary>
    public static readonly AudienceGroupType Reservation = new("RESERVATION");

    /// <summary><c>APP_EVENT</c>.</summary>
    public static readonly AudienceGroupType AppEvent = new("APP_EVENT");

    /// <summary><c>VIDEO_VIEW</c>.</summary>
    public static readonly AudienceGroupType VideoView = new("VIDEO_VIEW");

    /// <summary><c>WEBTRAFFIC</c>.</summary>
    public static readonly AudienceGroupType Webtraffic = new("WEBTRAFFIC");

    /// <summary><c>IMAGE_CLICK</c>.</summary>
    public static readonly AudienceGroupType ImageClick = new("IMAGE_CLICK");

    /// <summary><c>RICHMENU_IMP</c>.</summary>
    public static readonly AudienceGroupType RichmenuImp = new("RICHMENU_IMP");

    /// <summary><c>RICHMENU_CLICK</c>.</summary>
    public static readonly AudienceGroupType RichmenuClick = new("RICHMENU_CLICK");

    /// <summary><c>POP_AD_IMP</c>.</summary>
    public static readonly AudienceGroupType PopAdImp = new("POP_AD_IMP");

    /// <summary><c>TRACKINGTAG_WEBTRAFFIC</c>.</summary>
    public static readonly AudienceGroupType TrackingtagWebtraffic = new("TRACKINGTAG_WEBTRAFFIC");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Why an audience failed. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupFailedType>))]
public readonly record struct AudienceGroupFailedType(string Value) : ILineStringValue<AudienceGroupFailedType>
{
    /// <summary><c>AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT</c>.</summary>
    public static readonly AudienceGroupFailedType AudienceGroupAudienceInsufficient = new("AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT");

    /// <summary><c>INTERNAL_ERROR</c>.</summary>
    public static readonly AudienceGroupFailedType InternalError = new("INTERNAL_ERROR");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupFailedType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>What this channel may do with an audience. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupAccess>))]
public readonly record struct AudienceGroupAccess(string Value) : ILineStringValue<AudienceGroupAccess>
{
    /// <summary><c>READ</c>.</summary>
    public static readonly AudienceGroupAccess Read = new("READ");

    /// <summary><c>READ_WRITE</c>.</summary>
    public static readonly AudienceGroupAccess ReadWrite = new("READ_WRITE");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupAccess From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Where an audience was created. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupCreateRoute>))]
public readonly record struct AudienceGroupCreateRoute(string Value) : ILineStringValue<AudienceGroupCreateRoute>
{
    /// <summary><c>OA_MANAGER</c>.</summary>
    public static readonly AudienceGroupCreateRoute OaManager = new("OA_MANAGER");

    /// <summary><c>MESSAGING_API</c>.</summary>
    public static readonly AudienceGroupCreateRoute MessagingApi = new("MESSAGING_API");

    /// <summary><c>POINT_AD</c>.</summary>
    public static readonly AudienceGroupCreateRoute PointAd = new("POINT_AD");

    /// <summary><c>AD_MANAGER</c>.</summary>
    public static readonly AudienceGroupCreateRoute AdManager = new("AD_MANAGER");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupCreateRoute From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The kind of an audience job. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupJobType>))]
public readonly record struct AudienceGroupJobType(string Value) : ILineStringValue<AudienceGroupJobType>
{
    /// <summary><c>DIFF_ADD</c>.</summary>
    public static readonly AudienceGroupJobType DiffAdd = new("DIFF_ADD");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupJobType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The state of an audience job. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupJobStatus>))]
public readonly record struct AudienceGroupJobStatus(string Value) : ILineStringValue<AudienceGroupJobStatus>
{
    /// <summary><c>QUEUED</c>.</summary>
    public static readonly AudienceGroupJobStatus Queued = new("QUEUED");

    /// <summary><c>WORKING</c>.</summary>
    public static readonly AudienceGroupJobStatus Working = new("WORKING");

    /// <summary><c>FINISHED</c>.</summary>
    public static readonly AudienceGroupJobStatus Finished = new("FINISHED");

    /// <summary><c>FAILED</c>.</summary>
    public static readonly AudienceGroupJobStatus Failed = new("FAILED");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupJobStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Why an audience job failed. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<AudienceGroupJobFailedType>))]
public readonly record struct AudienceGroupJobFailedType(string Value) : ILineStringValue<AudienceGroupJobFailedType>
{
    /// <summary><c>INTERNAL_ERROR</c>.</summary>
    public static readonly AudienceGroupJobFailedType InternalError = new("INTERNAL_ERROR");

    /// <summary><c>AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT</c>.</summary>
    public static readonly AudienceGroupJobFailedType AudienceGroupAudienceInsufficient = new("AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static AudienceGroupJobFailedType From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
