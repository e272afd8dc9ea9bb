namespace LineCrm.Messaging.Audiences;

/// <summary>How ids are uploaded.</summary>
public enum AudienceUploadMode
{
    /// <summary>JSON for up to 10,000 ids (one request), a file upload beyond that.</summary>
    Auto,

    /// <summary>JSON requests of at most 10,000 ids each.</summary>
    Json,

    /// <summary>File uploads of at most 1,500,000 ids each (data host).</summary>
    File,
}

/// <summary>Settings of an audience upload.</summary>
public sealed record AudienceUploadOptions
{
    /// <summary>How to upload; <see cref="AudienceUploadMode.Auto"/> by default.</summary>
    public AudienceUploadMode Mode { get; init; } = AudienceUploadMode.Auto;

    /// <summary>True when the ids are IFAs (UUIDs) instead of LINE user ids.</summary>
    public bool IsIfaAudience { get; init; }

    /// <summary>A description of the upload jobs.</summary>
    public string? UploadDescription { get; init; }
}

/// <summary>An id that was not sent, and why.</summary>
/// <param name="Id">The id as given.</param>
/// <param name="Reason">Why it was left out: not a LINE user id (or IFA), or a repeat of an earlier id.</param>
public sealed record RejectedAudienceId(string Id, string Reason);

/// <summary>What an audience upload did.</summary>
/// <param name="AudienceGroupId">The audience the ids went to.</param>
/// <param name="Mode">How they were uploaded (<see cref="AudienceUploadMode.Json"/> or <see cref="AudienceUploadMode.File"/>).</param>
/// <param name="IdsSent">How many distinct valid ids were sent.</param>
/// <param name="Requests">How many upload requests it took.</param>
/// <param name="Rejected">Ids left out before sending, each with its reason; nothing is dropped silently.</param>
public sealed record AudienceUploadResult(
    long AudienceGroupId, AudienceUploadMode Mode, int IdsSent, int Requests, IReadOnlyList<RejectedAudienceId> Rejected);
