using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Google.Protobuf.WellKnownTypes;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Benchmarks.Expressions;

/// <summary>
/// Our CEL engine beside the other CEL engine for .NET on NuGet (<c>Cel</c> 0.3.3), on the benchmark segments
/// (a), (b) and (c) written in core CEL (that engine has no extensions, no <c>days()</c> and no timestamp minus
/// duration, so the cut-off is a variable <c>since</c>), over the same values: one member with five purchases,
/// as a map of variables for both interpreters. Beside them, our compiled segment for the same member in a
/// one-member table (<see cref="Segment.Includes"/>). Parse, check and compile are measured for both engines.
/// Setup checks that every contender gives the same answers.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CelEngineBenchmarks
{
    private const string A = "!blocked && lastClickAt > since && totalSpend > 30000.0";
    private const string B = "purchases.filter(p, p.at > since).size() >= 2";
    private const string C = "purchases.exists(p, p.channel == 'store')";

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Since = Now.AddDays(-365);

    private readonly Cel.CelEnvironment _theirs = new(null, null);
    private CelEnvironment _ours = null!;
    private Activation _ourValues = null!;
    private Dictionary<string, object?> _theirValues = null!;
    private (CheckedExpression A, CheckedExpression B, CheckedExpression C) _ourCompiled;
    private (Cel.CelProgramDelegate A, Cel.CelProgramDelegate B, Cel.CelProgramDelegate C) _theirCompiled;
    private (Segment A, Segment B, Segment C) _segments;
    private MemberTable _table = null!;
    private PersonId _member;

    [GlobalSetup]
    public void Setup()
    {
        _ours = CelEnvironment.Create()
            .WithVariable("blocked", CelType.Bool)
            .WithVariable("lastClickAt", CelType.Timestamp)
            .WithVariable("totalSpend", CelType.Double)
            .WithVariable("since", CelType.Timestamp)
            .WithVariable("purchases", CelType.List(CelType.Map(CelType.String, CelType.Dyn)));
        var days = new[] { 400, 200, 100, 30, 3 };
        var channels = new[] { "web", "store", "web", "web", "store" };
        _ourValues = Activation.FromClr(new Dictionary<string, object?>
        {
            ["blocked"] = false,
            ["lastClickAt"] = Now.AddDays(-10),
            ["totalSpend"] = 50_000.0,
            ["since"] = Since,
            ["purchases"] = days.Select((d, i) => new Dictionary<string, object?> { ["at"] = Now.AddDays(-d), ["channel"] = channels[i] }).ToArray(),
        });
        _theirValues = new Dictionary<string, object?>
        {
            ["blocked"] = false,
            ["lastClickAt"] = Timestamp.FromDateTimeOffset(Now.AddDays(-10)),
            ["totalSpend"] = 50_000.0,
            ["since"] = Timestamp.FromDateTimeOffset(Since),
            ["purchases"] = days.Select((d, i) => (object)new Dictionary<string, object?> { ["at"] = Timestamp.FromDateTimeOffset(Now.AddDays(-d)), ["channel"] = channels[i] }).ToArray(),
        };
        _ourCompiled = (_ours.Compile(A), _ours.Compile(B), _ours.Compile(C));
        _theirCompiled = (_theirs.Compile(A), _theirs.Compile(B), _theirs.Compile(C));

        _table = new MemberTable();
        var who = Identifier.WebMember("benchmark");
        _table.Append(new Interaction(who, Now.AddDays(-500), InteractionKind.FriendAdded));
        _table.Append(new Interaction(who, Now.AddDays(-10), InteractionKind.Clicked));
        for (var i = 0; i < days.Length; i++)
        {
            _table.Append(new Purchase("O" + i, who, Now.AddDays(-days[i]), 10_000, "JPY", PurchaseChannel.FromName(channels[i])));
        }

        _member = _table.Persons.First();
        _segments = (Segment.Compile("!blocked && lastClickAt > now - days(365) && totalSpend > 30000.0"),
            Segment.Compile("purchases.filter(p, p.at > now - days(365)).size() >= 2"), Segment.Compile("purchases.exists(p, p.channel == \"store\")"));

        bool[] expected = [true, true, true];
        bool[] ours = [OursA(), OursB(), OursC()];
        bool[] theirs = [TheirsA(), TheirsB(), TheirsC()];
        bool[] compiled = [SegmentA(), SegmentB(), SegmentC()];
        if (!ours.SequenceEqual(expected) || !theirs.SequenceEqual(expected) || !compiled.SequenceEqual(expected))
        {
            throw new InvalidOperationException($"The contenders disagree: ours {string.Join(',', ours)}, Cel 0.3.3 {string.Join(',', theirs)}, compiled {string.Join(',', compiled)}.");
        }
    }

    [Benchmark(Baseline = true, Description = "Cel 0.3.3: parse + compile (b)")]
    [BenchmarkCategory("compile")]
    public object TheirCompile() => _theirs.Compile(B);

    [Benchmark(Description = "LineCrm CEL: parse + check (b)")]
    [BenchmarkCategory("compile")]
    public object OurCompile() => _ours.Compile(B);

    [Benchmark(Description = "LineCrm segment: parse + check + lower + compile (b)")]
    [BenchmarkCategory("compile")]
    public object OurSegmentCompile() => Segment.Compile("purchases.filter(p, p.at > now - days(365)).size() >= 2");

    [Benchmark(Baseline = true, Description = "Cel 0.3.3 (a)")]
    [BenchmarkCategory("a")]
    public bool TheirsA() => (bool)_theirCompiled.A(_theirValues)!;

    [Benchmark(Description = "LineCrm interpreter (a)")]
    [BenchmarkCategory("a")]
    public bool OursA() => (bool)_ours.Evaluate(_ourCompiled.A, _ourValues);

    [Benchmark(Description = "LineCrm compiled segment, one member (a)")]
    [BenchmarkCategory("a")]
    public bool SegmentA() => _segments.A.Includes(_table, _member, Now);

    [Benchmark(Baseline = true, Description = "Cel 0.3.3 (b)")]
    [BenchmarkCategory("b")]
    public bool TheirsB() => (bool)_theirCompiled.B(_theirValues)!;

    [Benchmark(Description = "LineCrm interpreter (b)")]
    [BenchmarkCategory("b")]
    public bool OursB() => (bool)_ours.Evaluate(_ourCompiled.B, _ourValues);

    [Benchmark(Description = "LineCrm compiled segment, one member (b)")]
    [BenchmarkCategory("b")]
    public bool SegmentB() => _segments.B.Includes(_table, _member, Now);

    [Benchmark(Baseline = true, Description = "Cel 0.3.3 (c)")]
    [BenchmarkCategory("c")]
    public bool TheirsC() => (bool)_theirCompiled.C(_theirValues)!;

    [Benchmark(Description = "LineCrm interpreter (c)")]
    [BenchmarkCategory("c")]
    public bool OursC() => (bool)_ours.Evaluate(_ourCompiled.C, _ourValues);

    [Benchmark(Description = "LineCrm compiled segment, one member (c)")]
    [BenchmarkCategory("c")]
    public bool SegmentC() => _segments.C.Includes(_table, _member, Now);
}
