using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LineCrm.Benchmarks.Webhooks;

/// <summary>
/// A bounded load test of the webhook endpoint end to end: real Kestrel on 127.0.0.1, one signed event per request,
/// concurrent clients, the same run for each mode (the in-memory queue, the durable inbox on the SQLite store and, when
/// <c>LINECRM_POSTGRES</c> is set, on PostgreSQL). Prints
/// requests/s and latency percentiles as a Markdown table. Run:
/// <c>dotnet run -c Release --project benchmarks/LineCrm.Benchmarks -- webhook-load [requests] [clients]</c>.
/// </summary>
internal static class WebhookThroughputLoadTest
{
    private const string Secret = "load_channel_secret";

    public static async Task RunAsync(string[] args)
    {
        var requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        var directory = Directory.CreateTempSubdirectory("linecrm-webhook-load-");
        try
        {
            // PostgreSQL when LINECRM_POSTGRES names a server (source .ci/postgres.sh starts a throwaway one).
            var postgres = Environment.GetEnvironmentVariable("LINECRM_POSTGRES");
            string[] modes = string.IsNullOrEmpty(postgres) ? ["in-memory", "inbox-sqlite"] : ["in-memory", "inbox-sqlite", "inbox-postgres"];
            const int rounds = 3;
            var results = modes.ToDictionary(mode => mode, _ => new List<(double PerSecond, double P50, double P99)>());
            Console.WriteLine("| round | mode | requests | clients | requests/s | p50 ms | p99 ms |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");

            // Round 0 warms the process (JIT tiers, pools) for every mode and is not counted; then the modes take turns.
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var mode in modes)
                {
                    var inboxPath = Path.Combine(directory.FullName, $"inbox-{Guid.NewGuid():N}.db");
                    var result = await MeasureAsync(mode, inboxPath, requests, clients);
                    if (round > 0)
                    {
                        results[mode].Add(result);
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {(round == 0 ? "warm-up" : round)} | {mode} | {requests:N0} | {clients} | {result.PerSecond:N0} | {result.P50:F2} | {result.P99:F2} |"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| mode | median requests/s | of in-memory | median p50 ms | median p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            var baseline = Median(results["in-memory"].Select(r => r.PerSecond));
            foreach (var mode in modes)
            {
                var perSecond = Median(results[mode].Select(r => r.PerSecond));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {mode} | {perSecond:N0} | {perSecond / baseline:P0} | {Median(results[mode].Select(r => r.P50)):F2} | {Median(results[mode].Select(r => r.P99)):F2} |"));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<(double PerSecond, double P50, double P99)> MeasureAsync(string mode, string inboxPath, int requests, int clients)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var webhook = builder.Services.AddLineWebhook(o => o.AddChannelSecret(Secret));
        webhook.On<WebhookEvent>((_, _, _) => Task.CompletedTask);
        if (mode == "inbox-sqlite")
        {
            builder.Services.AddLineCrmSqliteStores(o => o.Path = inboxPath);
            webhook.UseInbox();
        }
        else if (mode == "inbox-postgres")
        {
            builder.Services.AddLineCrmPostgreSqlStores(o =>
            {
                o.ConnectionString = Environment.GetEnvironmentVariable("LINECRM_POSTGRES")!;
                o.Schema = $"load_{Guid.NewGuid():N}";
            });
            webhook.UseInbox();
        }

        await using var app = builder.Build();
        app.MapLineWebhook("/callback");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(address) };

        await PostManyAsync(client, $"warm-{mode}", Math.Min(2_000, requests), clients, null);
        var latencies = new double[requests];
        var started = Stopwatch.GetTimestamp();
        await PostManyAsync(client, $"run-{mode}-{Guid.NewGuid():N}", requests, clients, latencies);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await app.StopAsync();

        Array.Sort(latencies);
        return (requests / elapsed.TotalSeconds, latencies[(int)(requests * 0.50)], latencies[Math.Min(requests - 1, (int)(requests * 0.99))]);
    }

    private static async Task PostManyAsync(HttpClient client, string prefix, int requests, int clients, double[]? latencies)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var body = Encoding.UTF8.GetBytes($$$"""
                    {"destination":"Uload","events":[{"type":"follow","mode":"active","timestamp":1462629479859,"webhookEventId":"{{{prefix}}}-{{{i}}}",
                     "deliveryContext":{"isRedelivery":false},"source":{"type":"user","userId":"U4af4980629a1b2c3d4e5f60718293a4b"},
                     "replyToken":"r","follow":{"isUnblocked":false}}]}
                    """);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/callback") { Content = content };
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(Secret, body));
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
                if (latencies is not null)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
            }
        })));
    }
}
