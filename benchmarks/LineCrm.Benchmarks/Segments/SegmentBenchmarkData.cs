using DuckDB.NET.Data;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Benchmarks.Segments;

/// <summary>
/// One generated population held by every contender: the member table (ours), plain objects (for
/// System.Linq.Dynamic.Core) and DuckDB tables. Members have 0 to 10 purchases (5 on average) over two years,
/// a third in stores; 10% blocked; last clicks spread over two years, a fifth never. Deterministic (seeded).
/// </summary>
public sealed class SegmentBenchmarkData : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Channels = ["web", "store", "app"];

    private SegmentBenchmarkData(int members)
    {
        Members = members;
        var random = new Random(20261123);
        Table = new MemberTable();
        // Above 5 million members the plain objects for System.Linq.Dynamic.Core are not built: 60 million of
        // them make every full garbage collection take seconds, for every contender alike.
        var objects = members <= ObjectsUpTo;
        Rows = new MemberRow[objects ? members : 0];
        Duck = new DuckDBConnection("Data Source=:memory:");
        Duck.Open();
        Execute("CREATE TABLE members (id BIGINT, blocked BOOLEAN, last_click_at BIGINT, total_spend DOUBLE)");
        Execute("CREATE TABLE purchases (member_id BIGINT, purchased_at BIGINT, amount DOUBLE, channel VARCHAR)");
        using (var memberAppender = Duck.CreateAppender("members"))
        using (var purchaseAppender = Duck.CreateAppender("purchases"))
        {
            for (var i = 0; i < members; i++)
            {
                var who = new Identifier(IdentifierType.WebMember, "M" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var blocked = random.Next(10) == 0;
                var click = random.Next(5) == 0 ? (DateTimeOffset?)null : Now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                var row = new MemberRow { Blocked = blocked, LastClickAt = (click ?? DateTimeOffset.UnixEpoch).UtcDateTime };
                var person = click is { } c
                    ? Table.Append(new Interaction(who, c, InteractionKind.Clicked))
                    : Table.Append(new Interaction(who, Now.AddDays(-800), InteractionKind.FriendAdded));
                if (blocked)
                {
                    Table.Append(new Interaction(who, Now.AddDays(-1), InteractionKind.Blocked));
                }

                var count = random.Next(11);
                for (var k = 0; k < count; k++)
                {
                    var at = Now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                    var amount = 500 + random.Next(9500);
                    var channel = Channels[random.Next(3)];
                    Table.Append(new Purchase("O", who, at, amount, "JPY", PurchaseChannel.FromName(channel)));
                    if (objects)
                    {
                        row.Purchases.Add(new PurchaseRow { At = at.UtcDateTime, Amount = amount, Channel = channel });
                    }

                    row.TotalSpend += amount;
                    purchaseAppender.CreateRow().AppendValue(person.Value).AppendValue(at.UtcTicks).AppendValue((double)amount).AppendValue(channel).EndRow();
                    PurchaseCount++;
                }

                if (objects)
                {
                    Rows[i] = row;
                }
                memberAppender.CreateRow().AppendValue(person.Value).AppendValue(blocked).AppendValue(row.LastClickAt.Ticks).AppendValue(row.TotalSpend).EndRow();
            }
        }

        Table.Compact();
    }

    /// <summary>The largest size for which the System.Linq.Dynamic.Core objects are built.</summary>
    public const int ObjectsUpTo = 5_000_000;

    public int Members { get; }

    public long PurchaseCount { get; }

    public MemberTable Table { get; }

    public MemberRow[] Rows { get; }

    public DuckDBConnection Duck { get; }

    /// <summary>The data for <paramref name="members"/>, generated once per process (BenchmarkDotNet calls setup per case).</summary>
    public static SegmentBenchmarkData For(int members)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(members, out var data))
            {
                Cache[members] = data = new SegmentBenchmarkData(members);
            }

            return data;
        }
    }

    private static readonly Dictionary<int, SegmentBenchmarkData> Cache = [];

    public long Scalar(string sql, long parameter)
    {
        using var command = Duck.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$1", StringComparison.Ordinal))
        {
            command.Parameters.Add(new DuckDBParameter(parameter));
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Duck.Dispose();

    private void Execute(string sql)
    {
        using var command = Duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A member as plain objects, the shape System.Linq.Dynamic.Core works on.</summary>
public sealed class MemberRow
{
    public bool Blocked { get; set; }

    public DateTime LastClickAt { get; set; }

    public double TotalSpend { get; set; }

    public List<PurchaseRow> Purchases { get; } = [];
}

/// <summary>A purchase as a plain object.</summary>
public sealed class PurchaseRow
{
    public DateTime At { get; set; }

    public double Amount { get; set; }

    public string Channel { get; set; } = string.Empty;
}
