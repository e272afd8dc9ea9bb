using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>
/// LINE notification messages (PNP): <c>to</c> must be a SHA-256 in lowercase hex (a clear phone number is a 400),
/// <c>X-Line-Retry-Key</c> is refused with 400 as LINE does outside the four send operations, the delivery tag
/// must be 16 to 100 characters, and a number in <see cref="FakeLinePlatform.UnreachablePhoneHashes"/> is a 422.
/// </summary>
internal static class FakeLinePnpHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("pushMessagesByPhone", Push);
        routes.HandleIfPresent("getPNPMessageStatistics", call =>
        {
            var date = call.Query["date"].ToString();
            return DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? FakeLineReply.Ok(new JsonObject { ["status"] = "ready", ["success"] = call.Server.Platform.PnpDeliveries.Count })
                : FakeLineReply.Error(400, "Invalid date", ("date", $"'{date}' is not yyyyMMdd"));
        });
    }

    private static FakeLineReply Push(FakeLineCall call)
    {
        if (call.RetryKey is not null)
        {
            return FakeLineReply.Error(400, "X-Line-Retry-Key is not supported for this API");
        }

        var body = call.Body!.Value;
        var to = body.GetProperty("to").GetString()!;
        if (to.Length != 64 || to.Any(c => !char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c)))
        {
            return FakeLineReply.Error(400, "Invalid to", ("to", "must be the SHA-256 (lowercase hex) of an E.164 phone number"));
        }

        var tag = call.Headers["X-Line-Delivery-Tag"].ToString();
        if (tag.Length > 0 && tag.Length is < 16 or > 100)
        {
            return FakeLineReply.Error(400, "Invalid delivery tag", ("X-Line-Delivery-Tag", "must be 16 to 100 characters"));
        }

        if (call.Server.Platform.UnreachablePhoneHashes.ContainsKey(to))
        {
            return FakeLineReply.Error(422, "Failed to send messages", ("to", "no LINE user can be messaged at this number"));
        }

        var disabled = body.TryGetProperty("notificationDisabled", out var flag) && flag.ValueKind == JsonValueKind.True;
        call.Server.Platform.PnpDeliveries.Enqueue(
            new FakePnpDelivery(to, tag.Length > 0 ? tag : null, body.GetProperty("messages").GetRawText(), disabled));
        return FakeLineReply.Ok();
    }
}
