namespace LineCrm.Docs.Tests;

/// <summary>The Markdown files whose C# blocks are compiled: README.md, docs/*.md and src/*/README.md.</summary>
public static class RepositoryDocs
{
    /// <summary>The repository's root: the folder above the test's output that holds LineCrm.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every C# block (<c>```csharp</c>, <c>```cs</c>, <c>```c#</c>) that is not marked <c>fragment</c>, in file order.</summary>
    public static IReadOnlyList<CodeBlock> CSharpBlocks() =>
        [.. Files().SelectMany(path => MarkdownCodeBlocks.Read(Relative(path), File.ReadAllText(path)))
            .Where(block => block.Language is "csharp" or "cs" or "c#" && !block.IsFragment)];

    /// <summary>The files searched, sorted.</summary>
    public static IEnumerable<string> Files()
    {
        var docs = Path.Combine(Root, "docs");
        var src = Path.Combine(Root, "src");
        return new[] { Path.Combine(Root, "README.md") }
            .Concat(Directory.Exists(docs) ? Directory.EnumerateFiles(docs, "*.md") : [])
            .Concat(Directory.Exists(src) ? Directory.EnumerateDirectories(src).Select(d => Path.Combine(d, "README.md")) : [])
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
    }

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LineCrm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LineCrm.sln above {AppContext.BaseDirectory}: the docs test runs from the repository's build output.");
    }
}
