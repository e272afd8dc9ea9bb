using System.Net;
using System.Text.Json.Nodes;

namespace LineCrm.Messaging.Testing.Tests;

/// <summary>Requests are checked as LINE checks them: token, route, JSON, and the body against the OpenAPI schema.</summary>
public sealed class RequestValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_push_is_accepted_recorded_and_delivered()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        using var http = Lines.Client(line);

        using var response = await http.PushAsync("hello", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("x-line-request-id").Single());
        var recorded = Assert.Single(line.Requests);
        Assert.Equal(("pushMessage", "POST", "/v2/bot/message/push", 200), (recorded.OperationId, recorded.Method, recorded.PathAndQuery, recorded.Status));
        Assert.Equal(Lines.Push("hello"), recorded.Body);
        Assert.Equal(1, line.DeliveriesByRecipient[Lines.UserId]);
    }

    [Fact]
    public async Task A_body_that_breaks_the_schema_gets_400_with_a_detail_per_problem_and_delivers_nothing()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        using var http = Lines.Client(line);
        var body = $$"""{"to":"{{Lines.UserId}}","messages":[{"type":"hologram"},{"type":"text"}]}""";

        using var response = await http.PostAsync(new Uri("v2/bot/message/push", UriKind.Relative), Lines.Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        var details = error["details"]!.AsArray().Select(d => ((string)d!["property"]!, (string)d["message"]!)).ToArray();
        Assert.Contains(details, d => d.Item1 == "messages[0].type" && d.Item2.Contains("hologram", StringComparison.Ordinal));
        Assert.Contains(details, d => d.Item1 == "messages[1].text");
        Assert.Empty(line.Deliveries);
        Assert.Equal(400, Assert.Single(line.Requests).Status);
    }

    [Fact]
    public async Task More_than_five_messages_is_refused_as_LINE_refuses_it()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        using var http = Lines.Client(line);
        var six = string.Join(",", Enumerable.Repeat("""{"type":"text","text":"x"}""", 6));

        using var response = await http.PostAsync(
            new Uri("v2/bot/message/push", UriKind.Relative), Lines.Json($$"""{"to":"{{Lines.UserId}}","messages":[{{six}}]}"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"property\":\"messages\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_not_a_crash()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        using var http = Lines.Client(line);

        using var response = await http.PostAsync(new Uri("v2/bot/message/push", UriKind.Relative), Lines.Json("{\"to\":"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_token_gets_401_and_an_unknown_path_404()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        using var wrong = Lines.Client(line, token: "not-the-token");
        using var right = Lines.Client(line);

        using var unauthorized = await wrong.PushAsync("hello", Ct);
        using var missing = await right.GetAsync(new Uri("v2/bot/no/such/thing", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(line.Deliveries);
    }

    [Fact]
    public async Task A_repeated_retry_key_is_409_with_the_accepted_request_id_and_delivers_once()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        using var http = Lines.Client(line);
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v2/bot/message/push", UriKind.Relative)) { Content = Lines.Json(Lines.Push("once")) };
            request.Headers.Add("X-Line-Retry-Key", key);
            return await http.SendAsync(request, Ct);
        }

        using var first = await SendAsync();
        using var second = await SendAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(first.Headers.GetValues("x-line-request-id").Single(), second.Headers.GetValues("x-line-accepted-request-id").Single());
        Assert.Single(line.Deliveries);
    }

    [Fact]
    public async Task A_handler_set_by_the_test_answers_its_operation()
    {
        await using var line = await FakeLineServer.StartAsync(cancellationToken: Ct);
        line.Routes.Handle("getMessageQuota", _ => FakeLineReply.Ok(new JsonObject { ["type"] = "none" }));
        using var http = Lines.Client(line);

        var body = await http.GetStringAsync(new Uri("v2/bot/message/quota", UriKind.Relative), Ct);

        Assert.Equal("""{"type":"none"}""", body);
        Assert.Throws<ArgumentException>(() => line.Routes.Handle("noSuchOperation", _ => FakeLineReply.Ok()));
    }

    [Fact]
    public async Task Bad_options_are_refused_at_start_naming_the_option()
    {
        var token = await Assert.ThrowsAsync<ArgumentException>(() => FakeLineServer.StartAsync(new FakeLineServerOptions { AccessToken = " " }, Ct));
        var port = await Assert.ThrowsAsync<ArgumentException>(() => FakeLineServer.StartAsync(new FakeLineServerOptions { ApiPort = 70000 }, Ct));

        Assert.Contains(nameof(FakeLineServerOptions.AccessToken), token.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FakeLineServerOptions.ApiPort), port.Message, StringComparison.Ordinal);
    }
}
