using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>
/// The membership funnel by store and the purchase analytics over 10 million members and 50 million orders
/// (LINECRM_BENCH_MEMBERS / LINECRM_BENCH_PURCHASES change the size), side by side with DuckDB computing the
/// same figures in SQL over the same rows, and with the same rows put into the fact store (<see cref="MemberTable"/>)
/// and read back as the metrics' tables (<c>FromMembers</c>), the way the analysis sample runs. Before timing, the
/// setup checks that all give the same answers. One invocation per iteration: each operation takes long enough to
/// time on its own.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private MetricsData _data = null!;
    private DuckDbMetrics? _duckDb;
    private MemberTable _store = null!;
    private OrderTable _storeOrders = null!;
    private FriendTable _storeFriends = null!;

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

    [GlobalSetup(Targets = [nameof(TablesFromStore), nameof(StoreMembershipFunnelByStore), nameof(StorePurchaseAnalytics)])]
    public void SetupStore()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        SetupLineCrm();
        var tables = GC.GetTotalMemory(forceFullCollection: true);
        _store = MetricsStoreData.Build(_data);
        var store = GC.GetTotalMemory(forceFullCollection: true);
        TablesFromStore();
        var taken = GC.GetTotalMemory(forceFullCollection: true);
        var members = (double)_data.Friends.PersonCount;
        Console.WriteLine($"// Memory per member: metrics tables built directly {(tables - before) / members:N1} B, the fact store "
            + $"{(store - tables) / members:N1} B, the metrics tables taken from it {(taken - store) / members:N1} B "
            + $"({_store.Count:N0} persons, {_store.PurchaseCount:N0} purchases).");
        StoreAgreement.Check(_data, _storeFriends, _storeOrders, Tokyo);
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Description = "LineCrm: membership funnel by store")]
    public MembershipFunnelReport MembershipFunnelByStore()
        => MembershipFunnel.Compute(_data.Friends, _data.Orders, new MembershipFunnelOptions(Tokyo), MembershipBreakdown.Store);

    [Benchmark(Description = "LineCrm: purchase analytics")]
    public PurchaseReport PurchaseAnalyticsReport() => PurchaseAnalytics.Compute(_data.Orders, Tokyo);

    [Benchmark(Description = "LineCrm over the store: take the tables (FromMembers)")]
    public int TablesFromStore()
    {
        _storeOrders = OrderTable.FromMembers(_store);
        _storeFriends = FriendTable.FromMembers(_store);
        return _storeOrders.Count + _storeFriends.PersonCount;
    }

    [Benchmark(Description = "LineCrm over the store: membership funnel by store")]
    public MembershipFunnelReport StoreMembershipFunnelByStore()
        => MembershipFunnel.Compute(_storeFriends, _storeOrders, new MembershipFunnelOptions(Tokyo), MembershipBreakdown.Store);

    [Benchmark(Description = "LineCrm over the store: purchase analytics")]
    public PurchaseReport StorePurchaseAnalytics() => PurchaseAnalytics.Compute(_storeOrders, Tokyo);

    [Benchmark(Description = "DuckDB SQL: membership funnel by store")]
    public int DuckDbFunnelByStore() => _duckDb!.FunnelByStore().Count;

    [Benchmark(Description = "DuckDB SQL: purchase analytics")]
    public long DuckDbPurchaseAnalytics() => _duckDb!.PurchaseAnalytics().Customers;
}
