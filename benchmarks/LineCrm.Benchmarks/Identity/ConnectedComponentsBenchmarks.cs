using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// Connected components of the same links, side by side: the identity graph (rules off) built from the links
/// (interning their text included); what a .NET developer would write first (a dictionary from identifier to
/// number and a union-find array), which interns the same text but keeps no link records and checks no rules;
/// the same union-find over the integer pairs alone, which is the floor for the unions once the text has been
/// interned; and DuckDB computing components in SQL by iterative minimum-label propagation over integer edges
/// loaded beforehand (so DuckDB skips the text). All report the number of components among linked identifiers,
/// which must agree.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ConnectedComponentsBenchmarks
{
    private IdentityWorkload _workload = null!;
    private DuckDBConnection _duck = null!;
    private int _expected;

    /// <summary>Identifiers; links are as many.</summary>
    [Params(10_000_000)]
    public int Identifiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _workload = IdentityWorkload.Create(Identifiers, Identifiers);
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        Execute("SET threads = 2");
        Execute("CREATE TABLE edges (a BIGINT, b BIGINT)");
        using (var appender = _duck.CreateAppender("edges"))
        {
            foreach (var (a, b) in _workload.Pairs)
            {
                appender.CreateRow().AppendValue((long)a).AppendValue((long)b).EndRow();
            }
        }

        _expected = GraphComponents();
        Agree("DuckDB", DuckDb());
        Agree("The dictionary and union-find", DictionaryComponents());
        Agree("The union-find over integer pairs", IntegerComponents());

        Console.WriteLine($"// components among linked identifiers: {_expected:N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    [Benchmark(Baseline = true, Description = "IdentityGraph.AddLinks (rules off)")]
    public int GraphComponents()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.AddLinks(_workload.Links);
        return graph.PersonCount;
    }

    [Benchmark(Description = "Dictionary<Identifier, int> + union-find (no rules, no link records)")]
    public int DictionaryComponents()
    {
        var numbers = new Dictionary<Identifier, int>();
        var forest = new UnionFind(_workload.Identifiers.Length);
        foreach (var link in _workload.Links)
        {
            forest.Union(NumberOf(numbers, link.From), NumberOf(numbers, link.To));
        }

        return forest.Components(numbers.Count);
    }

    [Benchmark(Description = "union-find over integer pairs (no text)")]
    public int IntegerComponents()
    {
        var forest = new UnionFind(_workload.Identifiers.Length);
        var linked = new bool[_workload.Identifiers.Length];
        foreach (var (a, b) in _workload.Pairs)
        {
            forest.Union(a, b);
            linked[a] = linked[b] = true;
        }

        return forest.ComponentsAmong(linked);
    }

    [Benchmark(Description = "DuckDB min-label propagation")]
    public int DuckDb()
    {
        Execute("CREATE OR REPLACE TEMP TABLE directed AS SELECT a AS src, b AS dst FROM edges UNION ALL SELECT b, a FROM edges");
        Execute("CREATE OR REPLACE TEMP TABLE labels AS SELECT src AS id, min(LEAST(src, dst)) AS label FROM directed GROUP BY src");
        while (true)
        {
            Execute("""
                CREATE OR REPLACE TEMP TABLE next_labels AS
                SELECT l.id, LEAST(l.label, min(n.label)) AS label
                FROM labels l JOIN directed d ON d.src = l.id JOIN labels n ON n.id = d.dst
                GROUP BY l.id, l.label
                """);
            var changed = Scalar("SELECT count(*) FROM next_labels JOIN labels USING (id) WHERE next_labels.label <> labels.label");
            Execute("DROP TABLE labels");
            Execute("ALTER TABLE next_labels RENAME TO labels");
            if (changed == 0)
            {
                break;
            }
        }

        return (int)Scalar("SELECT count(DISTINCT label) FROM labels");
    }

    private static int NumberOf(Dictionary<Identifier, int> numbers, Identifier identifier)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(numbers, identifier, out var held);
        if (!held)
        {
            number = numbers.Count - 1;
        }

        return number;
    }

    private void Agree(string who, int components)
    {
        if (components != _expected)
        {
            throw new InvalidOperationException($"{who} found {components} components and the identity graph {_expected}.");
        }
    }

    private void Execute(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
