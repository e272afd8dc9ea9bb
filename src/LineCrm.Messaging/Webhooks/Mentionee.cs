using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>A mention inside a text message: <see cref="UserMentionee"/>, <see cref="AllMentionee"/>, or <see cref="UnknownMentionee"/>.</summary>
public abstract record Mentionee
{
    /// <summary>The mention type as LINE writes it: <c>user</c> or <c>all</c>.</summary>
    public abstract string Type { get; }

    private int _index;
    private int _length;

    /// <summary>Where the mention starts in the text (0-based).</summary>
    public int Index { get => _index; init => _index = value; }

    /// <summary>How many characters the mention takes, for example 8 for <c>@example</c>.</summary>
    public int Length { get => _length; init => _length = value; }

    /// <summary>Sets the fields every mention has, right after the parser made the record (before anyone sees it).</summary>
    internal void SetPosition(int index, int length)
    {
        _index = index;
        _length = length;
    }
}

/// <summary>A mention of one user.</summary>
public sealed record UserMentionee : Mentionee
{
    /// <inheritdoc />
    public override string Type => "user";

    /// <summary>The user's id, only when the user consented to the account reading their profile.</summary>
    public string? UserId { get; init; }

    /// <summary>Whether the mentioned user is this bot.</summary>
    public bool IsSelf { get; init; }
}

/// <summary>A mention of everyone in the chat (<c>@All</c>).</summary>
public sealed record AllMentionee : Mentionee
{
    /// <inheritdoc />
    public override string Type => "all";
}

/// <summary>A mention of a type this version does not know; keeps its JSON.</summary>
public sealed record UnknownMentionee : Mentionee
{
    private readonly string _type;

    /// <summary>Keeps a mention of an unknown type.</summary>
    /// <param name="type">The type as LINE wrote it; empty when it had none.</param>
    /// <param name="raw">The mentionee object as received.</param>
    public UnknownMentionee(string type, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        Raw = raw;
    }

    /// <inheritdoc />
    public override string Type => _type;

    /// <summary>The mentionee object as received (independent of the request's buffers).</summary>
    public JsonElement Raw { get; }
}
