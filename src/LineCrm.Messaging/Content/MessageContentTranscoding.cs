using System.Text.Json.Serialization;
using LineCrm.Messaging.Serialization;

namespace LineCrm.Messaging.Content;

/// <summary>Whether LINE has prepared a video or audio a user sent (<c>getMessageContentTranscodingByMessageId</c>).</summary>
/// <param name="Status">processing, succeeded or failed.</param>
public sealed record MessageContentTranscoding(MessageContentTranscodingStatus Status);

/// <summary>The preparation state of a video or audio. An open set: a value LINE adds later is kept in <see cref="Value"/>, not thrown on.</summary>
/// <param name="Value">The value as LINE spells it.</param>
[JsonConverter(typeof(LineStringValueConverter<MessageContentTranscodingStatus>))]
public readonly record struct MessageContentTranscodingStatus(string Value) : ILineStringValue<MessageContentTranscodingStatus>
{
    /// <summary><c>processing</c>: not ready to download yet.</summary>
    public static readonly MessageContentTranscodingStatus Processing = new("processing");

    /// <summary><c>succeeded</c>: ready to download.</summary>
    public static readonly MessageContentTranscodingStatus Succeeded = new("succeeded");

    /// <summary><c>failed</c>: LINE could not prepare it; it cannot be downloaded.</summary>
    public static readonly MessageContentTranscodingStatus Failed = new("failed");

    /// <summary>Wraps a value read from LINE.</summary>
    /// <param name="value">The value.</param>
    public static MessageContentTranscodingStatus From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
