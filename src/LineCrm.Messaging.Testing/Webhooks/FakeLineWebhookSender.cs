using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// Posts webhook requests to your app the way the LINE Platform does: a JSON body of
/// <c>{"destination": …, "events": […]}</c>, <c>Content-Type: application/json; charset=utf-8</c>, and
/// <c>x-line-signature</c>: base64 of HMAC-SHA256 over the exact body bytes, keyed by the channel secret. The events
/// come from <see cref="Events"/>, or write the body yourself and send it with <see cref="SendRawAsync"/>.
/// </summary>
public sealed class FakeLineWebhookSender
{
    /// <summary>The header LINE signs webhook requests in.</summary>
    public const string SignatureHeader = "x-line-signature";

    private readonly HttpClient _http;
    private readonly byte[] _secret;

    /// <summary>A sender that signs with <paramref name="channelSecret"/>.</summary>
    /// <param name="http">The client that reaches your app; relative endpoints resolve against its <c>BaseAddress</c>.</param>
    /// <param name="channelSecret">The channel secret your app verifies with.</param>
    /// <param name="timeProvider">The clock of event timestamps; the system clock when null.</param>
    public FakeLineWebhookSender(HttpClient http, string channelSecret, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        _http = http;
        _secret = Encoding.UTF8.GetBytes(channelSecret);
        Events = new FakeLineWebhookEvents(timeProvider ?? TimeProvider.System);
    }

    /// <summary>Builds events as LINE sends them, each with a fresh webhook event id and reply token.</summary>
    public FakeLineWebhookEvents Events { get; }

    /// <summary>The bot's user id in the body's <c>destination</c> (LINE's <c>U</c> and 32 hex digits).</summary>
    public string Destination { get; init; } = FakeLineWebhookEvents.DefaultBotUserId;

    /// <summary>The signature LINE sends for <paramref name="body"/> under <paramref name="channelSecret"/>.</summary>
    /// <param name="channelSecret">The channel secret.</param>
    /// <param name="body">The exact body bytes.</param>
    /// <returns>The base64 value of <c>x-line-signature</c>.</returns>
    public static string ComputeSignature(string channelSecret, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelSecret);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
    }

    /// <summary>The body LINE would send for <paramref name="events"/>, as text.</summary>
    /// <param name="events">The events, for example from <see cref="Events"/>; none makes LINE's connection check.</param>
    public string CreateBody(params IEnumerable<JsonObject> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var array = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]);
        return new JsonObject { ["destination"] = Destination, ["events"] = array }.ToJsonString();
    }

    /// <summary>Posts <paramref name="events"/> in one signed request.</summary>
    /// <param name="endpoint">Your webhook URL, for example <c>/callback</c> against the client's base address.</param>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Your app's answer (LINE expects 200).</returns>
    public Task<HttpResponseMessage> SendAsync(Uri endpoint, IEnumerable<JsonObject> events, CancellationToken cancellationToken = default) =>
        SendRawAsync(endpoint, Encoding.UTF8.GetBytes(CreateBody(events)), signature: null, cancellationToken);

    /// <summary>Posts <paramref name="body"/> as it is, signed, or with <paramref name="signature"/> instead.</summary>
    /// <param name="endpoint">Your webhook URL.</param>
    /// <param name="body">The exact bytes to send (the signature covers them, not a re-serialised form).</param>
    /// <param name="signature">A signature to send instead of the right one (to test rejection); null signs.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Your app's answer.</returns>
    public async Task<HttpResponseMessage> SendRawAsync(
        Uri endpoint, ReadOnlyMemory<byte> body, string? signature = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(SignatureHeader, signature ?? Convert.ToBase64String(HMACSHA256.HashData(_secret, body.Span)));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("LineBotWebhook", "2.0"));
        return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
