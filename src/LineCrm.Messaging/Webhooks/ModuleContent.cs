using System.Text.Json;

namespace LineCrm.Messaging.Webhooks;

/// <summary>The <c>module</c> object of a <see cref="ModuleEvent"/>.</summary>
public abstract record ModuleContent
{
    /// <summary>The kind as LINE writes it: <c>attached</c> or <c>detached</c>.</summary>
    public abstract string Type { get; }
}

/// <summary>The module channel was attached to an account.</summary>
public sealed record AttachedModuleContent : ModuleContent
{
    /// <inheritdoc />
    public override string Type => "attached";

    /// <summary>The user id of the account's bot.</summary>
    public string BotId { get; init; } = string.Empty;

    /// <summary>The scopes the account's admin granted.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

/// <summary>The module channel was detached from an account.</summary>
public sealed record DetachedModuleContent : ModuleContent
{
    /// <inheritdoc />
    public override string Type => "detached";

    /// <summary>The user id of the account's bot.</summary>
    public string BotId { get; init; } = string.Empty;

    /// <summary>Why: <c>bot_deleted</c>; other values may appear in future.</summary>
    public string Reason { get; init; } = string.Empty;
}

/// <summary>A module change of a kind this version does not know; keeps its JSON.</summary>
public sealed record UnknownModuleContent : ModuleContent
{
    private readonly string _type;

    /// <summary>Keeps an object of an unknown type.</summary>
    /// <param name="type">The type as LINE wrote it; empty when it had none.</param>
    /// <param name="raw">The <c>module</c> object as received.</param>
    public UnknownModuleContent(string type, JsonElement raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        _type = type;
        Raw = raw;
    }

    /// <inheritdoc />
    public override string Type => _type;

    /// <summary>The <c>module</c> object as received (independent of the request's buffers).</summary>
    public JsonElement Raw { get; }
}
