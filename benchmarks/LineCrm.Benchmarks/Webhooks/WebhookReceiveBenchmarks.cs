using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Benchmarks.Webhooks;

/// <summary>
/// Verify + parse of realistic webhook bodies (one text event; a batch of 20 mixed events), the work every request
/// does before LINE gets its 200. The same payload files feed benchmarks/node-webhook, which times LINE's Node.js
/// SDK (validateSignature + JSON.parse) on them. <see cref="JsonDocumentOnly"/> is the floor: System.Text.Json
/// parsing the bytes into a document and nothing else.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class WebhookReceiveBenchmarks
{
    private const string Secret = "benchmark_channel_secret";

    private byte[] _body = [];
    private string _signature = string.Empty;
    private WebhookReceiver _receiver = null!;
    private WebhookSignatureVerifier _verifier = null!;

    /// <summary>The payload file in Webhooks/Payloads.</summary>
    [Params("text-1.json", "mixed-20.json")]
    public string Payload { get; set; } = "text-1.json";

    [GlobalSetup]
    public void Setup()
    {
        _body = File.ReadAllBytes(Path.Combine(PayloadDirectory(), Payload));
        _signature = WebhookSignature.Compute(Secret, _body);
        _receiver = new WebhookReceiver(Secret);
        _verifier = new WebhookSignatureVerifier(Secret);
        if (_receiver.Receive(_body, _signature).Events.Count == 0)
        {
            throw new InvalidOperationException($"{Payload} has no events.");
        }
    }

    [Benchmark(Description = "LineCrm verify + parse")]
    public int VerifyAndParse() => _receiver.Receive(_body, _signature).Events.Count;

    [Benchmark(Description = "LineCrm verify only")]
    public bool VerifyOnly() => _verifier.IsValid(_body, _signature);

    [Benchmark(Description = "LineCrm parse only")]
    public int ParseOnly() => WebhookParser.Parse(_body).Events.Count;

    [Benchmark(Description = "JsonDocument.Parse only (floor)")]
    public int JsonDocumentOnly()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetProperty("events").GetArrayLength();
    }

    /// <summary>benchmarks/LineCrm.Benchmarks/Webhooks/Payloads, found upwards from the running binary (BenchmarkDotNet runs a copy deep under bin/).</summary>
    private static string PayloadDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "benchmarks", "LineCrm.Benchmarks", "Webhooks", "Payloads");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("benchmarks/LineCrm.Benchmarks/Webhooks/Payloads was not found above " + AppContext.BaseDirectory);
    }
}
