using System.Globalization;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing;

/// <summary>The webhook endpoint settings: read, set (https only, 400 with details otherwise) and test.</summary>
internal static class FakeLineWebhookEndpointHandlers
{
    public static void Register(FakeLineRouteTable routes)
    {
        routes.HandleIfPresent("getWebhookEndpoint", call => FakeLineReply.Ok(new JsonObject
        {
            ["endpoint"] = call.Server.Platform.WebhookEndpoint,
            ["active"] = call.Server.Platform.WebhookActive,
        }));
        routes.HandleIfPresent("setWebhookEndpoint", call =>
        {
            var endpoint = call.Body!.Value.GetProperty("endpoint").GetString()!;
            if (Problem(endpoint) is { } problem)
            {
                return problem;
            }

            call.Server.Platform.WebhookEndpoint = endpoint;
            return FakeLineReply.Ok();
        });
        routes.HandleIfPresent("testWebhookEndpoint", Test);
    }

    private static FakeLineReply? Problem(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? null
            : FakeLineReply.Error(400, "Invalid webhook endpoint URL", ("endpoint", "must be an https URL"));

    private static FakeLineReply Test(FakeLineCall call)
    {
        var platform = call.Server.Platform;
        var endpoint = call.Body is { } body && body.TryGetProperty("endpoint", out var given) ? given.GetString()! : platform.WebhookEndpoint;
        if (Problem(endpoint) is { } problem)
        {
            return problem;
        }

        var status = platform.WebhookTestStatusCode;
        var (success, reason) = status switch
        {
            >= 200 and < 300 => (true, "OK"),
            <= 0 => (false, "COULD_NOT_CONNECT"),
            _ => (false, "ERROR_STATUS_CODE"),
        };
        return FakeLineReply.Ok(new JsonObject
        {
            ["success"] = success,
            ["timestamp"] = "2026-11-23T05:38:20.031Z",
            ["statusCode"] = status,
            ["reason"] = reason,
            ["detail"] = status.ToString(CultureInfo.InvariantCulture),
        });
    }
}
