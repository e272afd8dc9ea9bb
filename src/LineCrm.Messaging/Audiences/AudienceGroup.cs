using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Audiences;

/// <summary>An audience: a set of users LINE can narrowcast to, made by upload, clicks or impressions.</summary>
/// <param name="AudienceGroupId">The audience id.</param>
/// <param name="Type">How it was made.</param>
/// <param name="Description">Its name.</param>
/// <param name="Status">Its state; send only to <see cref="AudienceGroupStatus.Ready"/> audiences.</param>
/// <param name="AudienceCount">How many users it holds (users LINE could match).</param>
public sealed record AudienceGroup(
    long AudienceGroupId, AudienceGroupType Type, string? Description, AudienceGroupStatus Status, long AudienceCount)
{
    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="AudienceGroupStatus.Failed"/>.</summary>
    public AudienceGroupFailedType? FailedType { get; init; }

    /// <summary>When it was created.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset Created { get; init; }

    /// <summary>The message request id, for click- and impression-based audiences.</summary>
    public string? RequestId { get; init; }

    /// <summary>The URL clicked, for click-based audiences.</summary>
    public string? ClickUrl { get; init; }

    /// <summary>True when it holds IFAs instead of user ids.</summary>
    public bool IsIfaAudience { get; init; }

    /// <summary>What this channel may do with it.</summary>
    public AudienceGroupAccess? Permission { get; init; }

    /// <summary>Where it was created.</summary>
    public AudienceGroupCreateRoute? CreateRoute { get; init; }
}

/// <summary>One upload job of an audience (each add is a job).</summary>
/// <param name="AudienceGroupJobId">The job id.</param>
/// <param name="AudienceGroupId">The audience id.</param>
/// <param name="Description">The upload description given with the job.</param>
/// <param name="Type">The kind of job.</param>
/// <param name="JobStatus">The job's state.</param>
/// <param name="AudienceCount">How many users the job added.</param>
public sealed record AudienceGroupJob(
    long AudienceGroupJobId,
    long AudienceGroupId,
    string? Description,
    AudienceGroupJobType Type,
    AudienceGroupJobStatus JobStatus,
    long AudienceCount)
{
    /// <summary>Why the job failed.</summary>
    public AudienceGroupJobFailedType? FailedType { get; init; }

    /// <summary>When the job was created.</summary>
    [JsonConverter(typeof(UnixMillisecondsConverter))]
    public DateTimeOffset Created { get; init; }
}

/// <summary>An audience with its jobs (<c>getAudienceData</c>, <c>getSharedAudienceData</c>).</summary>
/// <param name="AudienceGroup">The audience.</param>
/// <param name="Jobs">Its upload jobs.</param>
public sealed record AudienceData(AudienceGroup AudienceGroup, IReadOnlyList<AudienceGroupJob>? Jobs)
{
    /// <summary>The ad account, for audiences shared from an ad account.</summary>
    public AudienceAdAccount? Adaccount { get; init; }

    /// <summary>The owner of a shared audience (Business Manager).</summary>
    public AudienceOwner? Owner { get; init; }
}

/// <summary>An ad account.</summary>
/// <param name="Name">Its name.</param>
public sealed record AudienceAdAccount(string? Name);

/// <summary>The owner of a shared audience.</summary>
/// <param name="ServiceType">The owner's service.</param>
/// <param name="Id">The owner's id.</param>
/// <param name="Name">The owner's name.</param>
public sealed record AudienceOwner(string? ServiceType, string? Id, string? Name);

/// <summary>One page of audiences (<c>getAudienceGroups</c>, <c>getSharedAudienceGroups</c>).</summary>
/// <param name="AudienceGroups">The audiences on this page.</param>
/// <param name="HasNextPage">True when another page follows.</param>
/// <param name="TotalCount">How many audiences match in all.</param>
/// <param name="Page">This page's number (from 1).</param>
/// <param name="Size">The page size.</param>
public sealed record AudienceGroupPage(
    IReadOnlyList<AudienceGroup>? AudienceGroups, bool HasNextPage, long TotalCount, long Page, long Size)
{
    /// <summary>How many of them this channel may write.</summary>
    public long ReadWriteAudienceGroupTotalCount { get; init; }
}

/// <summary>Filters for listing audiences.</summary>
public sealed record AudienceGroupQuery
{
    /// <summary>Only audiences whose name contains this.</summary>
    public string? Description { get; init; }

    /// <summary>Only audiences in this state.</summary>
    public AudienceGroupStatus? Status { get; init; }

    /// <summary>Only audiences created this way.</summary>
    public AudienceGroupCreateRoute? CreateRoute { get; init; }

    /// <summary>Page size, 1 to 40 (LINE's default 20).</summary>
    public int? Size { get; init; }

    /// <summary>For owned lists: also audiences shared from Business Manager.</summary>
    public bool? IncludesExternalPublicGroups { get; init; }

    /// <summary>For shared lists: also this channel's own audiences.</summary>
    public bool? IncludesOwnedAudienceGroups { get; init; }
}
