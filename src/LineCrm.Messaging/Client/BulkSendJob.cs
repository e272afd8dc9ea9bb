using System.Text.Json;
using System.Text.Json.Serialization;
using LineCrm.Identity;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Messages.Validation;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Client;

/// <summary>
/// One message set to any number of LINE users, as multicast chunks of up to 500 with a stable retry key each.
/// The job is its own saved state: save <see cref="ToJson"/> before sending and after each chunk (the sender's
/// checkpoint does), and after a crash <see cref="FromJson"/> and send again. Accepted chunks are skipped and the
/// others are resent with the same retry key, which LINE answers with 409 when it had already accepted them, so no
/// chunk reaches anyone twice (LINE keeps retry keys for 24 hours: resume within that).
/// </summary>
public sealed record BulkSendJob
{
    /// <summary>For deserialization and <c>Create</c>; use <c>Create</c> to start a job.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="messages">The messages every recipient gets.</param>
    /// <param name="chunks">The chunks with their keys and outcomes.</param>
    /// <param name="invalidUserIds">Ids that are not LINE user ids (<c>U</c> and 32 lowercase hex digits); not sent.</param>
    /// <param name="duplicateUserIds">Ids that appeared more than once; sent once.</param>
    [JsonConstructor]
    public BulkSendJob(
        Guid jobId,
        IReadOnlyList<Message> messages,
        IReadOnlyList<BulkSendChunk> chunks,
        IReadOnlyList<string> invalidUserIds,
        IReadOnlyList<string> duplicateUserIds)
    {
        JobId = jobId;
        Messages = messages;
        Chunks = chunks;
        InvalidUserIds = invalidUserIds;
        DuplicateUserIds = duplicateUserIds;
    }

    /// <summary>The job's id.</summary>
    public Guid JobId { get; }

    /// <summary>The messages every recipient gets.</summary>
    public IReadOnlyList<Message> Messages { get; }

    /// <summary>True to deliver without push notifications.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotificationDisabled { get; init; }

    /// <summary>The chunks, in the order of the user ids given.</summary>
    public IReadOnlyList<BulkSendChunk> Chunks { get; init; }

    /// <summary>Ids that are not LINE user ids; reported, not sent.</summary>
    public IReadOnlyList<string> InvalidUserIds { get; }

    /// <summary>Ids given more than once (each listed once); sent once.</summary>
    public IReadOnlyList<string> DuplicateUserIds { get; }

    /// <summary>True when every chunk was accepted.</summary>
    [JsonIgnore]
    public bool IsComplete => Chunks.All(chunk => chunk.Status == BulkChunkStatus.Accepted);

    /// <summary>Recipients in accepted chunks.</summary>
    [JsonIgnore]
    public int AcceptedRecipients => Chunks.Where(chunk => chunk.Status == BulkChunkStatus.Accepted).Sum(chunk => chunk.UserIds.Count);

    /// <summary>Recipients in failed chunks.</summary>
    [JsonIgnore]
    public int FailedRecipients => Chunks.Where(chunk => chunk.Status == BulkChunkStatus.Failed).Sum(chunk => chunk.UserIds.Count);

    /// <summary>
    /// Plans a job: checks the messages, drops and reports invalid and duplicate ids, and cuts the rest into chunks
    /// with a new retry key each.
    /// </summary>
    /// <param name="userIds">The recipients, in any number.</param>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="chunkSize">Ids per multicast, 1 to 500.</param>
    /// <exception cref="ArgumentException">A message breaks a documented limit, or the chunk size is out of range.</exception>
    public static BulkSendJob Create(IEnumerable<string> userIds, IReadOnlyList<Message> messages, int chunkSize = LineMessagingClient.MaxMulticastRecipients) =>
        Create(Guid.NewGuid(), userIds, messages, chunkSize);

    /// <summary>
    /// Plans a job with an id of the caller's choosing (a campaign's send id, say), so that a process that restarts
    /// after a crash plans the same job again and <see cref="LineMessagingClient.SendBulkAsync"/> resumes it from its
    /// <see cref="BulkSendOptions.CheckpointStore"/> instead of starting another.
    /// </summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="userIds">The recipients, in any number.</param>
    /// <param name="messages">1 to 5 messages.</param>
    /// <param name="chunkSize">Ids per multicast, 1 to 500.</param>
    /// <exception cref="ArgumentException">The id is empty, a message breaks a documented limit, or the chunk size is out of range.</exception>
    public static BulkSendJob Create(Guid jobId, IEnumerable<string> userIds, IReadOnlyList<Message> messages, int chunkSize = LineMessagingClient.MaxMulticastRecipients)
    {
        if (jobId == Guid.Empty)
        {
            throw new ArgumentException("The job id must not be Guid.Empty.", nameof(jobId));
        }

        ArgumentNullException.ThrowIfNull(userIds);
        MessageValidator.ValidateMessages(messages);
        LineLimits.Range(chunkSize, nameof(chunkSize), 1, LineMessagingClient.MaxMulticastRecipients);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var invalid = new List<string>();
        var valid = new List<string>();
        foreach (var userId in userIds)
        {
            if (!IdentifierType.LineUser.IsNormalizedValue(userId))
            {
                invalid.Add(userId ?? string.Empty);
            }
            else if (!seen.Add(userId))
            {
                duplicates.Add(userId);
            }
            else
            {
                valid.Add(userId);
            }
        }

        var chunks = valid.Chunk(chunkSize)
            .Select((ids, index) => new BulkSendChunk(index, Guid.NewGuid(), ids))
            .ToArray();
        return new BulkSendJob(jobId, messages, chunks, invalid, [.. duplicates]);
    }

    /// <summary>The job's state as JSON, to save.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, LineJsonContext.Default.BulkSendJob);

    /// <summary>Reads a saved job.</summary>
    /// <param name="json">What <see cref="ToJson"/> wrote.</param>
    /// <exception cref="JsonException">The text is not a saved job.</exception>
    public static BulkSendJob FromJson(string json) =>
        JsonSerializer.Deserialize(json, LineJsonContext.Default.BulkSendJob)
        ?? throw new JsonException("The saved bulk send job is null.");
}

/// <summary>One multicast of a bulk send and what became of it.</summary>
/// <param name="Index">Its position in the job.</param>
/// <param name="RetryKey">Its retry key, the same on every attempt and every resume.</param>
/// <param name="UserIds">Its recipients (up to 500).</param>
public sealed record BulkSendChunk(int Index, Guid RetryKey, IReadOnlyList<string> UserIds)
{
    /// <summary>Pending, accepted or failed.</summary>
    public BulkChunkStatus Status { get; init; }

    /// <summary>The request id of the attempt that succeeded (or LINE's id of the failed one).</summary>
    public string? RequestId { get; init; }

    /// <summary>Set when LINE had accepted this chunk earlier (a 409 for its retry key): the earlier request's id.</summary>
    public string? AcceptedRequestId { get; init; }

    /// <summary>The HTTP status of the failure, when LINE answered one.</summary>
    public int? FailureStatus { get; init; }

    /// <summary>Why it failed: LINE's message and details, or the network or timeout error.</summary>
    public string? FailureReason { get; init; }
}

/// <summary>A bulk chunk's state.</summary>
public enum BulkChunkStatus
{
    /// <summary>Not sent yet, or sent without a known outcome (resend it with the same key).</summary>
    Pending,

    /// <summary>LINE accepted it.</summary>
    Accepted,

    /// <summary>It failed for good after the client's retries; see <see cref="BulkSendChunk.FailureReason"/>.</summary>
    Failed,
}
