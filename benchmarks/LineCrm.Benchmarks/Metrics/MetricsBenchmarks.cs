using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>
/// The membership funnel by store and the purchase analytics over 10 million members and 50 million orders
/// (LINECRM_BENCH_MEMBERS / LINECRM_BENCH_PURCHASES change the size), side by side with DuckDB computing the
/// same figures in SQL over the same rows. Before timing, the setup checks that both give the same answers.
/// One invocation per iteration: each operation takes long enough to time on its own.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private MetricsData _data = null!;
    private DuckDbMetrics? _duckDb;

    [GlobalSetup(Targets = [nameof(MembershipFunnelByStore), nameof(PurchaseAnalyticsReport)])]
    public void SetupLineCrm()
    {
        var (members, purchases) = MetricsData.Sizes();
        _data = MetricsData.Generate(members, purchases);
    }

    [GlobalSetup(Targets = [nameof(DuckDbFunnelByStore), nameof(DuckDbPurchaseAnalytics)])]
    public void SetupDuckDb()
    {
        SetupLineCrm();
        _duckDb = new DuckDbMetrics(_data);
        MetricsAgreement.Check(_data, _duckDb, Tokyo);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Description = "LineCrm: membership funnel by store")]
    public MembershipFunnelReport MembershipFunnelByStore()
        => MembershipFunnel.Compute(_data.Friends, _data.Orders, new MembershipFunnelOptions(Tokyo), MembershipBreakdown.Store);

    [Benchmark(Description = "LineCrm: purchase analytics")]
    public PurchaseReport PurchaseAnalyticsReport() => PurchaseAnalytics.Compute(_data.Orders, Tokyo);

    [Benchmark(Description = "DuckDB SQL: membership funnel by store")]
    public int DuckDbFunnelByStore() => _duckDb!.FunnelByStore().Count;

    [Benchmark(Description = "DuckDB SQL: purchase analytics")]
    public long DuckDbPurchaseAnalytics() => _duckDb!.PurchaseAnalytics().Customers;
}
