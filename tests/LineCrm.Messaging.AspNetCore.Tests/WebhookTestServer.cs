using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using LineCrm.Messaging.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace LineCrm.Messaging.AspNetCore.Tests;

/// <summary>
/// A real ASP.NET Core app on Kestrel at 127.0.0.1 (random port) with the webhook endpoint mapped at /callback and a
/// recorder that sees every dispatched event. Stopping it drains the dispatcher, so after <see cref="StopAsync"/>
/// the recorder holds everything that will ever be dispatched.
/// </summary>
internal sealed class WebhookTestServer : IAsyncDisposable
{
    public const string Secret = "e2e_channel_secret";

    private readonly WebApplication _app;
    private bool _stopped;

    private WebhookTestServer(WebApplication app, HttpClient client, Channel<WebhookEvent> dispatched)
    {
        _app = app;
        Client = client;
        Dispatched = dispatched;
    }

    public HttpClient Client { get; }

    /// <summary>Every event the catch-all recorder saw, in dispatch order.</summary>
    public Channel<WebhookEvent> Dispatched { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<WebhookTestServer> StartAsync(
        Action<LineWebhookOptions>? configure = null,
        Action<LineWebhookBuilder>? handlers = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? app = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
        services?.Invoke(builder.Services);

        var dispatched = Channel.CreateUnbounded<WebhookEvent>();
        var webhook = builder.Services.AddLineWebhook(options =>
        {
            options.AddChannelSecret(Secret);
            configure?.Invoke(options);
        });
        handlers?.Invoke(webhook);
        webhook.On<WebhookEvent>((e, _, ct) => dispatched.Writer.WriteAsync(e, ct).AsTask());

        var web = builder.Build();
        app?.Invoke(web);
        web.MapLineWebhook("/callback");
        await web.StartAsync(TestContext.Current.CancellationToken);

        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new WebhookTestServer(web, client, dispatched);
    }

    /// <summary>POSTs <paramref name="body"/> signed with <paramref name="signWith"/> (null: no signature header).</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? signWith = Secret) =>
        PostAsync(Encoding.UTF8.GetBytes(body), signWith);

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signWith = Secret, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/callback");
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        request.Content = content;
        if (signWith is not null)
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(signWith, body));
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Stops the app: Kestrel first, then the dispatcher drains what it accepted.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Stops the app and returns everything that was dispatched.</summary>
    public async Task<List<WebhookEvent>> StopAndCollectAsync()
    {
        await StopAsync();
        var events = new List<WebhookEvent>();
        while (Dispatched.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}
