using System.Globalization;
using LineCrm.Segmentation.Identity;
using LineCrm.Stores.IdentityCrashHost;
using LineCrm.Stores.Sqlite;

// Usage: IdentityCrashHost <sqlite file> <last batch>
// Opens the graph stored in the file, runs the batches after the last one stored up to <last batch>, saving each, and
// prints "saved <batch>" once each save has returned; then "done" and exits 0.
var path = args[0];
var last = long.Parse(args[1], CultureInfo.InvariantCulture);
await using var store = new SqliteStore(new SqliteStoreOptions { Path = path });
var graph = IdentityWork.NewGraph();
using var journal = await IdentityGraphJournal.OpenAsync(graph, store.IdentityGraph);
Console.Out.Flush();
await IdentityWork.RunAsync(graph, journal, last, batch =>
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved {batch}"));
    Console.Out.Flush();
}, CancellationToken.None);
Console.WriteLine("done");
return 0;
