using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>Where an event came from: <see cref="UserSource"/>, <see cref="GroupSource"/>, <see cref="RoomSource"/>, or <see cref="UnknownSource"/>.</summary>
public abstract record WebhookSource
{
    /// <summary>The source type as LINE writes it: <c>user</c>, <c>group</c>, <c>room</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The user's id; in groups and rooms only on message events, and only for users of LINE for iOS and Android.</summary>
    public string? UserId { get; init; }

    /// <summary>The id to push a message back to: the group, the room, or the user.</summary>
    public abstract string? ChatId { get; }
}

/// <summary>A one-to-one chat with a user.</summary>
public sealed record UserSource : WebhookSource
{
    /// <inheritdoc />
    public override string Type => "user";

    /// <inheritdoc />
    public override string? ChatId => UserId;
}

/// <summary>A group chat.</summary>
public sealed record GroupSource : WebhookSource
{
    /// <inheritdoc />
    public override string Type => "group";

    /// <summary>The group's id.</summary>
    public string GroupId { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string? ChatId => GroupId;
}

/// <summary>A multi-person chat (room).</summary>
public sealed record RoomSource : WebhookSource
{
    /// <inheritdoc />
    public override string Type => "room";

    /// <summary>The room's id.</summary>
    public string RoomId { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string? ChatId => RoomId;
}

/// <summary>A source of a type this version does not know; keeps its JSON.</summary>
public sealed record UnknownSource : WebhookSource
{
    private readonly string _type;

    /// <summary>Keeps an object of an unknown type.</summary>
    /// <param name="type">The type as LINE wrote it; empty when it had none.</param>
    /// <param name="raw">The <c>source</c> object as received.</param>
    public UnknownSource(string type, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        Raw = raw;
    }

    /// <inheritdoc />
    public override string Type => _type;

    /// <summary>The <c>source</c> object as received (independent of the request's buffers).</summary>
    public JsonElement Raw { get; }

    /// <inheritdoc />
    public override string? ChatId => null;
}
