using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>The <c>membership</c> object of a <see cref="MembershipEvent"/>.</summary>
public abstract record MembershipContent
{
    /// <summary>The kind as LINE writes it: <c>joined</c>, <c>left</c>, <c>renewed</c>.</summary>
    public abstract string Type { get; }
}

/// <summary>The user joined a membership.</summary>
public sealed record JoinedMembershipContent : MembershipContent
{
    /// <inheritdoc />
    public override string Type => "joined";

    /// <summary>The id of the membership.</summary>
    public long MembershipId { get; init; }
}

/// <summary>The user left a membership.</summary>
public sealed record LeftMembershipContent : MembershipContent
{
    /// <inheritdoc />
    public override string Type => "left";

    /// <summary>The id of the membership.</summary>
    public long MembershipId { get; init; }
}

/// <summary>The user renewed a membership.</summary>
public sealed record RenewedMembershipContent : MembershipContent
{
    /// <inheritdoc />
    public override string Type => "renewed";

    /// <summary>The id of the membership.</summary>
    public long MembershipId { get; init; }
}

/// <summary>A membership change of a kind this version does not know; keeps its JSON.</summary>
public sealed record UnknownMembershipContent : MembershipContent
{
    private readonly string _type;

    /// <summary>Keeps an object of an unknown type.</summary>
    /// <param name="type">The type as LINE wrote it; empty when it had none.</param>
    /// <param name="raw">The <c>membership</c> object as received.</param>
    public UnknownMembershipContent(string type, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        Raw = raw;
    }

    /// <inheritdoc />
    public override string Type => _type;

    /// <summary>The <c>membership</c> object as received (independent of the request's buffers).</summary>
    public JsonElement Raw { get; }
}
