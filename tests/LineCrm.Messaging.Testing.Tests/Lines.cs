using System.Net.Http.Headers;
using System.Text;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>Raw requests to the fake, written as a LINE client would send them.</summary>
internal static class Lines
{
    public const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";

    public static HttpClient Client(FakeLineServer server, string? token = null)
    {
        var http = new HttpClient { BaseAddress = server.ApiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? server.AccessToken);
        return http;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Push(string text, string to = UserId) =>
        $$"""{"to":"{{to}}","messages":[{"type":"text","text":"{{text}}"}]}""";

    public static Task<HttpResponseMessage> PushAsync(this HttpClient http, string text, CancellationToken cancellationToken) =>
        http.PostAsync(new Uri("v2/bot/message/push", UriKind.Relative), Json(Push(text)), cancellationToken);
}
