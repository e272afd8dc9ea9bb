namespace LineCrm.Messaging.Audiences;

/// <summary>One user id (or IFA) in a JSON audience upload.</summary>
/// <param name="Id">The LINE user id or IFA.</param>
public sealed record AudienceMember(string Id);

/// <summary>The body of <c>createAudienceGroup</c>: a new audience from at most 10,000 ids.</summary>
/// <param name="Description">The audience's name, at most 120 characters.</param>
/// <param name="Audiences">At most 10,000 ids; empty creates an empty audience to add to.</param>
public sealed record CreateAudienceGroupRequest(string Description, IReadOnlyList<AudienceMember> Audiences)
{
    /// <summary>True when the ids are IFAs.</summary>
    public bool? IsIfaAudience { get; init; }

    /// <summary>A description of this upload job.</summary>
    public string? UploadDescription { get; init; }
}

/// <summary>The body of <c>addAudienceToAudienceGroup</c>: at most 10,000 more ids.</summary>
/// <param name="AudienceGroupId">The audience to add to.</param>
/// <param name="Audiences">At most 10,000 ids.</param>
public sealed record AddAudienceToAudienceGroupRequest(long AudienceGroupId, IReadOnlyList<AudienceMember> Audiences)
{
    /// <summary>A description of this upload job.</summary>
    public string? UploadDescription { get; init; }
}

/// <summary>The body of <c>createClickBasedAudienceGroup</c>.</summary>
/// <param name="Description">The audience's name.</param>
/// <param name="RequestId">The request id of the broadcast or narrowcast whose clicks define it.</param>
public sealed record CreateClickBasedAudienceGroupRequest(string Description, string RequestId)
{
    /// <summary>Only users who clicked this URL; any URL of the message when null.</summary>
    public string? ClickUrl { get; init; }
}

/// <summary>The body of <c>createImpBasedAudienceGroup</c>.</summary>
/// <param name="Description">The audience's name.</param>
/// <param name="RequestId">The request id of the broadcast or narrowcast whose impressions define it.</param>
public sealed record CreateImpBasedAudienceGroupRequest(string Description, string RequestId);

/// <summary>The body of <c>updateAudienceGroupDescription</c>.</summary>
/// <param name="Description">The new name.</param>
public sealed record UpdateAudienceGroupDescriptionRequest(string Description);

/// <summary>LINE's answer to creating an audience.</summary>
/// <param name="AudienceGroupId">The new audience's id.</param>
/// <param name="Type">How it was made.</param>
/// <param name="Description">Its name.</param>
public sealed record CreatedAudienceGroup(long AudienceGroupId, AudienceGroupType Type, string? Description)
{
    /// <summary>When it was created.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(Serialization.UnixMillisecondsConverter))]
    public DateTimeOffset Created { get; init; }

    /// <summary>The message request id, for click- and impression-based audiences.</summary>
    public string? RequestId { get; init; }

    /// <summary>The URL, for click-based audiences.</summary>
    public string? ClickUrl { get; init; }

    /// <summary>Where it was created.</summary>
    public AudienceGroupCreateRoute? CreateRoute { get; init; }

    /// <summary>What this channel may do with it.</summary>
    public AudienceGroupAccess? Permission { get; init; }

    /// <summary>True when it holds IFAs.</summary>
    public bool IsIfaAudience { get; init; }
}
