using LineCrm.Segmentation.Members;

namespace LineCrm.Docs.Tests;

/// <summary>
/// docs/segments.md's table of what a segment can use is the built-in declarations, row for row: a fact added,
/// renamed or retyped in <see cref="FactSchema.Default"/> without the table (or the other way round) fails here.
/// </summary>
public sealed class FactTableDocTests
{
    [Fact]
    public void The_table_of_built_in_facts_in_segments_md_is_the_default_schema()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryDocs.Root, "docs", "segments.md"));
        var start = text.IndexOf("### What a segment can use", StringComparison.Ordinal);
        Assert.True(start >= 0, "segments.md has no section 'What a segment can use'");
        var rows = text[start..]
            .Split('\n')
            .SkipWhile(line => !line.StartsWith("| name |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split(" | ", 3).Select(cell => cell.Trim()).ToArray())
            .Select(cells => (Name: cells[0].Trim('`'), Type: cells[1], Description: cells[2]))
            .ToArray();

        var declared = FactSchema.Default.Facts.Select(f => (f.Name, Type: f.CelTypeName, f.Description)).ToArray();
        Assert.Equal(declared, rows);
    }
}
