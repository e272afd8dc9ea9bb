using System.Globalization;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Webhook events in the shape of LINE's webhook.yml, from a one-to-one chat with a user: each has a fresh
/// <c>webhookEventId</c> (a ULID, as LINE's), <c>timestamp</c> from the clock, <c>mode: active</c> and
/// <c>deliveryContext.isRedelivery: false</c>; the replyable ones carry a fresh reply token. The results are plain
/// JSON objects: add or change fields to test what you need.
/// </summary>
public sealed class FakeLineWebhookEvents
{
    /// <summary>The bot user id the fake uses in <c>destination</c> and in <c>getBotInfo</c>.</summary>
    public const string DefaultBotUserId = "Ub0000000000000000000000000000001";

    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly TimeProvider _time;
    private long _counter;

    /// <summary>Events stamped by <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock of <c>timestamp</c> and of the ids' time part.</param>
    public FakeLineWebhookEvents(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>A text message from <paramref name="userId"/>.</summary>
    /// <param name="userId">The user, <c>U</c> and 32 hex digits.</param>
    /// <param name="text">The text.</param>
    public JsonObject TextMessage(string userId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var number = Interlocked.Increment(ref _counter);
        var message = new JsonObject
        {
            ["type"] = "text",
            ["id"] = (100_000_000_000_000 + number).ToString(CultureInfo.InvariantCulture),
            ["quoteToken"] = "q" + Guid.NewGuid().ToString("N"),
            ["text"] = text,
        };
        return Replyable("message", userId, new("message", message));
    }

    /// <summary>A user added the account as a friend (or unblocked it, when <paramref name="isUnblocked"/>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="isUnblocked">True for an unblock rather than a first add.</param>
    public JsonObject Follow(string userId, bool isUnblocked = false) =>
        Replyable("follow", userId, new("follow", new JsonObject { ["isUnblocked"] = isUnblocked }));

    /// <summary>A user blocked the account.</summary>
    /// <param name="userId">The user.</param>
    public JsonObject Unfollow(string userId) => Event("unfollow", userId);

    /// <summary>A user tapped a postback action.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="data">The action's <c>data</c>.</param>
    public JsonObject Postback(string userId, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Replyable("postback", userId, new("postback", new JsonObject { ["data"] = data }));
    }

    /// <summary>
    /// <paramref name="webhookEvent"/> as LINE redelivers it: the same <c>webhookEventId</c>, with
    /// <c>deliveryContext.isRedelivery: true</c> (a copy; the original is unchanged).
    /// </summary>
    /// <param name="webhookEvent">An event sent before.</param>
    public static JsonObject Redelivery(JsonObject webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var copy = webhookEvent.DeepClone().AsObject();
        copy["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return copy;
    }

    private JsonObject Replyable(string type, string userId, KeyValuePair<string, JsonNode?> detail)
    {
        var e = Event(type, userId);
        e["replyToken"] = Guid.NewGuid().ToString("N");
        e[detail.Key] = detail.Value;
        return e;
    }

    private JsonObject Event(string type, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = _time.GetUtcNow();
        return new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = NewUlid(now),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
    }

    /// <summary>26 Crockford base-32 digits: 48 bits of milliseconds, then 80 random bits, as a ULID.</summary>
    private static string NewUlid(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = time.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(milliseconds & 0xFF);
            milliseconds >>= 8;
        }

        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes[6..]);
        var value = new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
