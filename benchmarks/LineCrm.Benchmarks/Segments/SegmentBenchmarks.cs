using System.Linq.Dynamic.Core;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Benchmarks.Segments;

/// <summary>
/// Segments (a) three attribute predicates, (b) at least two purchases in the last 365 days, (c) a purchase in a
/// store, over the same generated members held in memory by every contender: our compiled path over the member
/// table (column tests and compiled delegates, both cores), our per-person compiled delegate called for every
/// member, a hand-written C# loop over the same columns, System.Linq.Dynamic.Core's compiled lambda over plain
/// objects, and DuckDB (in memory, both threads) running the equivalent SQL. Setup checks that every contender
/// counts the same members.
/// </summary>
[Config(typeof(InProcessShortConfig))]
public class SegmentBenchmarks
{
    public const string A = "!blocked && lastClickAt > now - days(365) && totalSpend > 30000.0";
    public const string B = "purchases.filter(p, p.at > now - days(365)).size() >= 2";
    public const string C = "purchases.exists(p, p.channel == \"store\")";
    private const string SqlA = "SELECT count(*) FROM members WHERE NOT blocked AND last_click_at > $1 AND total_spend > 30000";
    private const string SqlB = "SELECT count(*) FROM (SELECT member_id FROM purchases WHERE purchased_at > $1 GROUP BY member_id HAVING count(*) >= 2)";
    private const string SqlC = "SELECT count(*) FROM members m WHERE EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.channel = 'store')";

    private static readonly HashSet<int> Checked = [];
    private SegmentBenchmarkData _data = null!;
    private Segment _a = null!;
    private Segment _b = null!;
    private Segment _c = null!;
    private Segment _bCounting = null!;
    private Segment _cCounting = null!;
    private Func<MemberRow, bool> _dynamicA = null!;
    private Func<MemberRow, bool> _dynamicB = null!;
    private Func<MemberRow, bool> _dynamicC = null!;
    private long _yearAgoTicks;
    private PersonId _someone;

    /// <summary>1 million and 10 million members, or the comma-separated sizes in LINECRM_BENCH_SEGMENT_MEMBERS.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("LINECRM_BENCH_SEGMENT_MEMBERS") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : [1_000_000, 10_000_000];

    [GlobalSetup]
    public void Setup()
    {
        // The in-process toolchain runs the global setup once per benchmark: the data is built once per size
        // (SegmentBenchmarkData.For caches it), and the contenders are checked against each other once.
        _data = SegmentBenchmarkData.For(Members);
        var fresh = Checked.Add(Members);
        (_a, _b, _c) = (Segment.Compile(A), Segment.Compile(B), Segment.Compile(C));
        (_bCounting, _cCounting) = (Segment.Compile(B, null, alwaysCountIterations: true), Segment.Compile(C, null, alwaysCountIterations: true));
        var yearAgo = SegmentBenchmarkData.Now.AddDays(-365).UtcDateTime;
        _yearAgoTicks = yearAgo.Ticks;
        var config = ParsingConfig.Default;
        _dynamicA = DynamicExpressionParser.ParseLambda<MemberRow, bool>(config, false, "!Blocked && LastClickAt > @0 && TotalSpend > 30000.0", yearAgo).Compile();
        _dynamicB = DynamicExpressionParser.ParseLambda<MemberRow, bool>(config, false, "Purchases.Count(At > @0) >= 2", yearAgo).Compile();
        _dynamicC = DynamicExpressionParser.ParseLambda<MemberRow, bool>(config, false, "Purchases.Any(Channel == \"store\")").Compile();
        _someone = _data.Table.Persons.Skip(Members / 2).First();

        if (!fresh)
        {
            return;
        }

        var objects = _data.Rows.Length > 0;
        Same("a", CompiledA(), PerMemberA(), HandWrittenA(), DuckDbA(), objects ? DynamicLinqA() : CompiledA());
        Same("b", CompiledB(), PerMemberB(), HandWrittenB(), DuckDbB(), objects ? DynamicLinqB() : CompiledB());
        Same("c", CompiledC(), PerMemberC(), HandWrittenC(), DuckDbC(), objects ? DynamicLinqC() : CompiledC());
        Same("b, counting", CompiledB(), CountingB());
        Same("c, counting", CompiledC(), CountingC());
        Console.WriteLine($"// {Members:N0} members, {_data.PurchaseCount:N0} purchases; (a) {CompiledA():N0}, (b) {CompiledB():N0}, (c) {CompiledC():N0} members");
    }

    [Benchmark(Description = "(a) compiled, member table")]
    public int CompiledA() => _a.Evaluate(_data.Table, SegmentBenchmarkData.Now).Members.Count;

    [Benchmark(Description = "(a) per-member delegate")]
    public int PerMemberA() => PerMember(_a);

    [Benchmark(Description = "(a) hand-written C# loop")]
    public int HandWrittenA()
    {
        var table = _data.Table;
        var c = table.Columns;
        var count = 0;
        for (var row = 0; row < c.Rows; row++)
        {
            count += !c.IsBlocked(row) && c.LastClickAt[row] > _yearAgoTicks && c.TotalSpend[row] > 30000.0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "(a) System.Linq.Dynamic.Core")]
    public int DynamicLinqA() => Count(_dynamicA);

    [Benchmark(Description = "(a) DuckDB SQL")]
    public int DuckDbA() => (int)_data.Scalar(SqlA, _yearAgoTicks);

    [Benchmark(Description = "(b) compiled, member table")]
    public int CompiledB() => _b.Evaluate(_data.Table, SegmentBenchmarkData.Now).Members.Count;

    /// <summary>The same, with the per-person iteration counting that a table whose worst person could exceed the cap gets.</summary>
    [Benchmark(Description = "(b) compiled, counting iterations")]
    public int CountingB() => _bCounting.Evaluate(_data.Table, SegmentBenchmarkData.Now).Members.Count;

    [Benchmark(Description = "(b) per-member delegate")]
    public int PerMemberB() => PerMember(_b);

    [Benchmark(Description = "(b) hand-written C# loop")]
    public int HandWrittenB()
    {
        var p = _data.Table.Purchases;
        var (starts, counts, at) = (p.Starts, p.Counts, p.At);
        var rows = _data.Table.Columns.Rows;
        var members = 0;
        for (var row = 0; row < rows; row++)
        {
            var recent = 0;
            for (int i = starts[row], end = i + counts[row]; i < end; i++)
            {
                recent += at[i] > _yearAgoTicks ? 1 : 0;
            }

            members += recent >= 2 ? 1 : 0;
        }

        return members;
    }

    [Benchmark(Description = "(b) System.Linq.Dynamic.Core")]
    public int DynamicLinqB() => Count(_dynamicB);

    [Benchmark(Description = "(b) DuckDB SQL")]
    public int DuckDbB() => (int)_data.Scalar(SqlB, _yearAgoTicks);

    [Benchmark(Description = "(c) compiled, member table")]
    public int CompiledC() => _c.Evaluate(_data.Table, SegmentBenchmarkData.Now).Members.Count;

    /// <summary>The same, with the per-person iteration counting that a table whose worst person could exceed the cap gets.</summary>
    [Benchmark(Description = "(c) compiled, counting iterations")]
    public int CountingC() => _cCounting.Evaluate(_data.Table, SegmentBenchmarkData.Now).Members.Count;

    [Benchmark(Description = "(c) per-member delegate")]
    public int PerMemberC() => PerMember(_c);

    [Benchmark(Description = "(c) hand-written C# loop")]
    public int HandWrittenC()
    {
        var table = _data.Table;
        var p = table.Purchases;
        var store = table.Channels.Find("store");
        var (starts, counts, channel) = (p.Starts, p.Counts, p.Channel);
        var members = 0;
        for (var row = 0; row < table.Columns.Rows; row++)
        {
            for (int i = starts[row], end = i + counts[row]; i < end; i++)
            {
                if (channel[i] == store)
                {
                    members++;
                    break;
                }
            }
        }

        return members;
    }

    [Benchmark(Description = "(c) System.Linq.Dynamic.Core")]
    public int DynamicLinqC() => Count(_dynamicC);

    [Benchmark(Description = "(c) DuckDB SQL")]
    public int DuckDbC() => (int)_data.Scalar(SqlC, 0);

    [Benchmark(Description = "parse + check + compile (issue example)")]
    public Segment CompileTypical() =>
        Segment.Compile("!blocked && lastClickAt > now - days(365) && purchases.filter(p, p.at > now - days(365)).size() >= 2 && purchases.exists(p, p.channel == \"store\")");

    /// <summary>The strings and bindings extensions in one segment (it compiles; nothing is left to the interpreter).</summary>
    public const string Extensions = "cel.bind(recent, purchases.filter(p, p.at > now - days(90)).size(), recent >= 2 && purchases.exists(p, p.channel.lowerAscii().trim() == \"store\" && p.store.indexOf(\"shibuya\") >= 0))";

    [Benchmark(Description = "parse + check + compile (strings and cel.bind)")]
    public Segment CompileExtensions() => Segment.Compile(Extensions);

    [Benchmark(Description = "one member, Segment.Includes (b)")]
    public bool OneMember() => _b.Includes(_data.Table, _someone, SegmentBenchmarkData.Now);

    private int PerMember(Segment segment)
    {
        var (evaluate, frame) = segment.Program!.PerMember(_data.Table, SegmentBenchmarkData.Now.UtcTicks);
        var count = 0;
        for (var row = 0; row < _data.Table.Columns.Rows; row++)
        {
            count += evaluate(frame, row) ? 1 : 0;
        }

        return count;
    }

    private int Count(Func<MemberRow, bool> predicate)
    {
        var count = 0;
        foreach (var row in _data.Rows)
        {
            count += predicate(row) ? 1 : 0;
        }

        return count;
    }

    private static void Same(string segment, params int[] counts)
    {
        if (counts.Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"Contenders disagree on segment ({segment}): {string.Join(", ", counts)}");
        }
    }

    /// <summary>In-process (the data is built once per process; setting up 10 million members takes minutes, hence the long timeout), 1 warm-up and 5 iterations.</summary>
    internal sealed class InProcessShortConfig : BenchmarkDotNet.Configs.ManualConfig
    {
        public InProcessShortConfig()
        {
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1).WithGcForce(false));
        }
    }
}
