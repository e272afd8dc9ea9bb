using System.Diagnostics;
using System.Globalization;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Benchmarks.Identity;

/// <summary>
/// The memory a built graph keeps: the managed heap after a full collection, with the graph, minus the same
/// without it (the workload's own identifiers and links are alive in both). Printed and appended to
/// <c>linecrm-identity-memory.txt</c> in the temp folder, since BenchmarkDotNet's allocation column counts
/// bytes allocated (growth included), not bytes kept.
/// </summary>
internal static class IdentityMemory
{
    public static void Report(IdentityWorkload workload, IdentityRules rules, string label)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var graph = new IdentityGraph(rules);
        graph.AddIdentifiers(workload.Identifiers);
        var totals = graph.AddLinks(workload.Links);
        watch.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        // The audit log grows with refusals, not with identifiers: say how much of the total it is.
        graph.ClearAuditLog();
        var withoutAudit = GC.GetTotalMemory(forceFullCollection: true);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {graph.IdentifierCount:N0} identifiers, {graph.LinkCount:N0} links kept, {graph.PersonCount:N0} persons (generator meant {workload.Persons:N0}), "
            + $"{totals.Refused:N0} links refused; kept {after - before:N0} bytes = {(after - before) / (double)graph.IdentifierCount:F1} bytes per identifier, "
            + $"{(withoutAudit - before) / (double)graph.IdentifierCount:F1} without the audit log; first build {watch.Elapsed.TotalSeconds:F2} s");
        GC.KeepAlive(graph);
        Console.WriteLine($"// identity-memory {line}");
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "linecrm-identity-memory.txt"), line + Environment.NewLine);
    }
}
