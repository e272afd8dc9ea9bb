namespace LineCrm.Docs.Tests;

public sealed class DocBlocksCompileTests
{
    private static readonly DocBlockCompiler Compiler = new();

    /// <summary>Each block by its location; a theory row per block, so a failure names the file and line.</summary>
    public static TheoryData<string> Blocks() => [.. RepositoryDocs.CSharpBlocks().Select(block => block.Location)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Every_csharp_block_compiles_on_its_own(string location)
    {
        var block = RepositoryDocs.CSharpBlocks().Single(b => b.Location == location);

        var errors = Compiler.Errors(block, TestContext.Current.CancellationToken);

        Assert.True(errors.Count == 0, $"{location} does not compile as one file:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void The_guides_and_package_readmes_are_all_searched()
    {
        var files = RepositoryDocs.Files().Select(path => Path.GetRelativePath(RepositoryDocs.Root, path).Replace('\\', '/')).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("docs/messaging.md", files);
        Assert.Contains("src/LineCrm.Messaging/README.md", files);
        Assert.Contains(RepositoryDocs.CSharpBlocks(), block => block.Path == "docs/platform.md");
    }
}
