using BenchmarkDotNet.Attributes;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Benchmarks.Segments;

/// <summary>
/// Declared facts beside the built-in ones they mirror, in one table and one run: every member's last click and
/// total spend are also kept as the declared scalars <c>clickAt</c> and <c>spend</c>, and every purchase as a
/// record of the declared list <c>orders</c> (time and channel). Each segment shape runs over the built-in
/// columns and over the declared ones; setup checks both count the same members.
/// </summary>
[Config(typeof(SegmentBenchmarks.InProcessShortConfig))]
public class CustomFactSegmentBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Channels = ["web", "store", "app"];

    private static readonly FactSchema Schema = FactSchema.Default
        .WithScalar("clickAt", FactType.Timestamp)
        .WithScalar("spend", FactType.Double)
        .WithList("orders", "Order", [new FactField("at", FactType.Timestamp), new FactField("channel", FactType.String)]);

    private MemberTable _table = null!;
    private (Segment BuiltIn, Segment Declared)[] _shapes = null!;

    /// <summary>1 million members, or the size in LINECRM_BENCH_CUSTOM_MEMBERS.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Members { get; set; }

    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("LINECRM_BENCH_CUSTOM_MEMBERS") is { Length: > 0 } size
            ? [int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)]
            : [1_000_000];

    [GlobalSetup]
    public void Setup()
    {
        _table = Build(Members);
        _shapes =
        [
            (Segment.Compile("lastClickAt > now - days(365) && totalSpend > 30000.0"), Segment.Compile("clickAt > now - days(365) && spend > 30000.0", Schema)),
            (Segment.Compile("purchases.filter(p, p.at > now - days(365)).size() >= 2"), Segment.Compile("orders.filter(o, o.at > now - days(365)).size() >= 2", Schema)),
            (Segment.Compile("purchases.exists(p, p.channel == 'store')"), Segment.Compile("orders.exists(o, o.channel == 'store')", Schema)),
        ];
        foreach (var (builtIn, declared) in _shapes)
        {
            var (a, b) = (Count(builtIn), Count(declared));
            if (a != b)
            {
                throw new InvalidOperationException($"'{builtIn}' counts {a} members, '{declared}' {b}.");
            }
        }
    }

    [Benchmark(Description = "(a) built-in columns")]
    public int BuiltInA() => Count(_shapes[0].BuiltIn);

    [Benchmark(Description = "(a) declared facts")]
    public int DeclaredA() => Count(_shapes[0].Declared);

    [Benchmark(Description = "(b) built-in purchases")]
    public int BuiltInB() => Count(_shapes[1].BuiltIn);

    [Benchmark(Description = "(b) declared list")]
    public int DeclaredB() => Count(_shapes[1].Declared);

    [Benchmark(Description = "(c) built-in purchases")]
    public int BuiltInC() => Count(_shapes[2].BuiltIn);

    [Benchmark(Description = "(c) declared list")]
    public int DeclaredC() => Count(_shapes[2].Declared);

    private int Count(Segment segment) => segment.Evaluate(_table, Now).Members.Count;

    private static MemberTable Build(int members)
    {
        var random = new Random(20261203);
        var table = new MemberTable(new IdentifierKeyedPersonResolver(), Schema);
        for (var i = 0; i < members; i++)
        {
            var who = Identifier.WebMember("M" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var click = random.Next(5) == 0 ? (DateTimeOffset?)null : Now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
            var person = click is { } c
                ? table.Append(new Interaction(who, c, InteractionKind.Clicked))
                : table.Append(new Interaction(who, Now.AddDays(-800), InteractionKind.FriendAdded));
            if (click is { } clicked)
            {
                table.SetFact(person, "clickAt", clicked);
            }

            var spend = 0.0;
            for (int k = 0, count = random.Next(11); k < count; k++)
            {
                var at = Now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                var amount = 500 + random.Next(9500);
                var channel = Channels[random.Next(3)];
                table.Append(new Purchase("O", who, at, amount, "JPY", PurchaseChannel.FromName(channel)));
                table.AppendRecord(person, "orders", new FactRecord().With("at", at).With("channel", channel));
                spend += amount;
            }

            table.SetFact(person, "spend", spend);
        }

        table.Compact();
        return table;
    }
}
