using System.Globalization;
using DuckDB.NET.Data;
using LineCrm.Segmentation.Metrics;

namespace LineCrm.Benchmarks.Metrics;

/// <summary>
/// The same figures in SQL, in an in-memory DuckDB holding the same rows. Tokyo has had no daylight saving
/// since 1951, so its calendar is UTC + 9 hours, which is what the SQL adds (DuckDB's time zones need the ICU
/// extension, which an offline machine cannot load).
/// </summary>
internal sealed class DuckDbMetrics : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbMetrics(MetricsData data)
    {
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        Execute("""
            CREATE TABLE friends (person INTEGER, added TIMESTAMP, store VARCHAR, linked TIMESTAMP);
            CREATE TABLE orders (person INTEGER, ordered_at TIMESTAMP, amount DECIMAL(18, 2));
            """);
        Load(data);
    }

    private void Load(MetricsData data)
    {
        var friends = data.Friends;
        using (var appender = _connection.CreateAppender("friends"))
        {
            for (var p = 0; p < friends.PersonCount; p++)
            {
                if (friends.FriendAdded[p] == FriendTable.Never)
                {
                    continue;
                }

                var linked = friends.Linked[p];
                appender.CreateRow()
                    .AppendValue(p)
                    .AppendValue(new DateTime(friends.FriendAdded[p]))
                    .AppendValue(friends.StoreNames[friends.Stores[p]])
                    .AppendValue(linked == FriendTable.Never ? (DateTime?)null : new DateTime(linked))
                    .EndRow();
            }
        }

        var orders = data.Orders;
        using (var appender = _connection.CreateAppender("orders"))
        {
            for (var i = 0; i < orders.Count; i++)
            {
                appender.CreateRow().AppendValue(orders.Persons[i]).AppendValue(new DateTime(orders.UtcTicks[i])).AppendValue(orders.Amounts[i]).EndRow();
            }
        }
    }

    /// <summary>The membership funnel by store: (store, friends, linked, first purchasers, repurchasers).</summary>
    public List<(string Store, long Friends, long Linked, long First, long Again)> FunnelByStore()
    {
        const string sql = """
            WITH buyers AS (
                SELECT person, count(DISTINCT CAST(ordered_at + INTERVAL 9 HOUR AS DATE)) AS days
                FROM orders WHERE amount >= 0 GROUP BY person)
            SELECT f.store,
                   count(*) AS friends,
                   count(*) FILTER (WHERE f.linked IS NOT NULL) AS linked,
                   count(*) FILTER (WHERE f.linked IS NOT NULL AND b.days >= 1) AS first_purchasers,
                   count(*) FILTER (WHERE f.linked IS NOT NULL AND b.days >= 2) AS repurchasers
            FROM friends f LEFT JOIN buyers b ON b.person = f.person
            GROUP BY f.store ORDER BY f.store
            """;
        var rows = new List<(string, long, long, long, long)>();
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return rows;
    }

    /// <summary>The purchase analytics, each figure by its own query over shared views, read back into one summary.</summary>
    public DuckDbPurchaseFigures PurchaseAnalytics()
    {
        Execute("""
            CREATE OR REPLACE TEMP TABLE purchase_days AS
                SELECT DISTINCT person, CAST(ordered_at + INTERVAL 9 HOUR AS DATE) AS day FROM orders WHERE amount >= 0;
            CREATE OR REPLACE TEMP TABLE customers AS
                SELECT person, min(day) AS first_day, count(*) AS days,
                       year(min(day)) * 12 + month(min(day)) - 1 AS first_month
                FROM purchase_days GROUP BY person;
            CREATE OR REPLACE TEMP TABLE gaps AS
                SELECT gap, count(*) AS n FROM (
                    SELECT day - lag(day) OVER (PARTITION BY person ORDER BY day) AS gap FROM purchase_days)
                WHERE gap IS NOT NULL GROUP BY gap;
            """);
        var figures = new DuckDbPurchaseFigures
        {
            Customers = Scalar("SELECT count(*) FROM customers"),
            RepeatCustomers = Scalar("SELECT count(*) FROM customers WHERE days >= 2"),
            Revenue = (decimal)Single("SELECT sum(amount) FROM orders")!,
        };

        using (var reader = Reader("""
            WITH c AS (SELECT gap, n, sum(n) OVER (ORDER BY gap) AS upto, sum(n) OVER () AS total FROM gaps)
            SELECT min(gap) FILTER (WHERE upto >= ceil(0.50 * total)), min(gap) FILTER (WHERE upto >= ceil(0.25 * total)),
                   min(gap) FILTER (WHERE upto >= ceil(0.75 * total)), CAST(sum(gap * n) AS DOUBLE) / sum(n), CAST(sum(n) AS BIGINT) FROM c
            """))
        {
            reader.Read();
            figures.Median = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
            figures.P25 = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            figures.P75 = Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture);
            figures.Mean = Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture);
            figures.Intervals = Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture);
        }

        ReadPairs("SELECT least(gap // 30, 12), CAST(sum(n) AS BIGINT) FROM gaps GROUP BY 1 ORDER BY 1", (r, _) => figures.Histogram30[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture));
        ReadPairs("SELECT first_month, count(*) FROM customers GROUP BY 1 ORDER BY 1", (r, _) => figures.FirstPurchasesByMonth[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture));
        ReadPairs("""
            SELECT m, sum(amount), coalesce(sum(amount) FILTER (WHERE first_month = m), 0) FROM (
                SELECT year(CAST(o.ordered_at + INTERVAL 9 HOUR AS DATE)) * 12 + month(CAST(o.ordered_at + INTERVAL 9 HOUR AS DATE)) - 1 AS m, o.amount, c.first_month
                FROM orders o LEFT JOIN customers c ON c.person = o.person)
            GROUP BY m ORDER BY m
            """, (r, _) => figures.RevenueByMonth[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = (r.GetDecimal(1), r.GetDecimal(2)));
        ReadPairs("""
            SELECT c.first_month, year(d.day) * 12 + month(d.day) - 1 - c.first_month AS k, count(DISTINCT d.person)
            FROM purchase_days d JOIN customers c ON c.person = d.person GROUP BY 1, 2
            """, (r, _) => figures.Cohorts[(Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture))] = Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture));
        return figures;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql) => Convert.ToInt64(Single(sql), CultureInfo.InvariantCulture);

    private object? Single(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    private DuckDBDataReader Reader(string sql) => (DuckDBDataReader)Command(sql).ExecuteReader();

    private void ReadPairs(string sql, Action<DuckDBDataReader, int> row)
    {
        using var reader = Reader(sql);
        var i = 0;
        while (reader.Read())
        {
            row(reader, i++);
        }
    }

    private DuckDBCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

/// <summary>What the SQL computes, in the shape needed to compare it with <see cref="PurchaseReport"/>.</summary>
internal sealed class DuckDbPurchaseFigures
{
    public long Customers { get; set; }

    public long RepeatCustomers { get; set; }

    public decimal Revenue { get; set; }

    public int Median { get; set; }

    public int P25 { get; set; }

    public int P75 { get; set; }

    public double Mean { get; set; }

    public long Intervals { get; set; }

    public long[] Histogram30 { get; } = new long[IntervalSummary.Buckets];

    public Dictionary<int, int> FirstPurchasesByMonth { get; } = [];

    public Dictionary<int, (decimal Total, decimal New)> RevenueByMonth { get; } = [];

    public Dictionary<(int Month, int Since), int> Cohorts { get; } = [];
}
