namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// A webhook event: what every event type shares. Pattern-match on the derived types (<see cref="MessageEvent"/>,
/// <see cref="FollowEvent"/>, ...); a type this version does not know arrives as <see cref="UnknownEvent"/>.
/// </summary>
/// <remarks>
/// Fields that LINE's specification calls required but that a payload omitted are read as empty strings, zero or
/// false rather than rejected, because real payloads do omit some of them.
/// </remarks>
public abstract record WebhookEvent
{
    /// <summary>The event type as LINE writes it (<c>message</c>, <c>follow</c>, ...).</summary>
    public abstract string Type { get; }

    private WebhookSource? _source;
    private DateTimeOffset _timestamp;
    private string _mode = WebhookEventModes.Active;
    private string _webhookEventId = string.Empty;
    private bool _isRedelivery;
    private IReadOnlyList<DegradedField> _degradedFields = [];

    /// <summary>Where the event came from: a user, a group or a room; null for events without a source (module events).</summary>
    public WebhookSource? Source { get => _source; init => _source = value; }

    /// <summary>When the event happened (LINE sends milliseconds since the Unix epoch).</summary>
    public DateTimeOffset Timestamp { get => _timestamp; init => _timestamp = value; }

    /// <summary>
    /// The channel's state: <c>active</c>, or <c>standby</c> when another module channel has chat control and the bot
    /// should not reply.
    /// </summary>
    public string Mode { get => _mode; init => _mode = value ?? WebhookEventModes.Active; }

    /// <summary>The event's unique id (a ULID); the same on every redelivery of the event, so it is the deduplication key.</summary>
    public string WebhookEventId { get => _webhookEventId; init => _webhookEventId = value ?? string.Empty; }

    /// <summary>Whether LINE is sending this event again because an earlier delivery was not acknowledged (<c>deliveryContext.isRedelivery</c>).</summary>
    public bool IsRedelivery { get => _isRedelivery; init => _isRedelivery = value; }

    /// <summary>
    /// The fields of this event that the parser could not read and read as absent (null, empty or zero) instead, with
    /// their JSON path and raw text; empty for an event read in full. An event that was not an object at all is an
    /// <see cref="UnknownEvent"/> with one entry, the event itself.
    /// </summary>
    public IReadOnlyList<DegradedField> DegradedFields { get => _degradedFields; init => _degradedFields = value ?? []; }

    /// <summary>Whether some field of this event could not be read (<see cref="DegradedFields"/> is not empty).</summary>
    public bool IsDegraded => _degradedFields.Count > 0;

    /// <summary>Marks the event as read with these fields degraded, right after the parser made it.</summary>
    internal void SetDegraded(IReadOnlyList<DegradedField> fields) => _degradedFields = fields;

    /// <summary>
    /// Sets the fields every event shares, right after the parser made the event and before anyone else sees it;
    /// saves repeating five initialisers for each of the twenty event types.
    /// </summary>
    internal void SetHeader(in WebhookEventHeader header)
    {
        _source = header.Source;
        _timestamp = header.Timestamp;
        _mode = header.Mode;
        _webhookEventId = header.WebhookEventId;
        _isRedelivery = header.IsRedelivery;
    }
}
