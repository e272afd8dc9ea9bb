using BenchmarkDotNet.Running;
using LineCrm.Benchmarks.Webhooks;

// "webhook-load" runs the webhook endpoint's bounded load test (Webhooks/WebhookThroughputLoadTest.cs).
// Otherwise every BenchmarkDotNet suite in this assembly; pick with --filter, for example --filter '*IdentifierBenchmarks*'.
if (args is ["webhook-load", ..])
{
    await WebhookThroughputLoadTest.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
