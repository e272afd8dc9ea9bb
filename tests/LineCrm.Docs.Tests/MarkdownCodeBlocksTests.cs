namespace LineCrm.Docs.Tests;

public sealed class MarkdownCodeBlocksTests
{
    [Fact]
    public void Blocks_carry_their_fence_line_info_string_and_code()
    {
        var blocks = MarkdownCodeBlocks.Read("a.md", "# Title\n\n```csharp\nvar x = 1;\n```\n\ntext\n\n```bash\nls\n```\n");

        Assert.Equal(
            [new CodeBlock("a.md", 3, "csharp", "var x = 1;"), new CodeBlock("a.md", 9, "bash", "ls")],
            blocks);
    }

    [Fact]
    public void A_fragment_says_so_in_its_info_string()
    {
        var block = Assert.Single(MarkdownCodeBlocks.Read("a.md", "```csharp fragment\nclient.Send();\n```"));

        Assert.Equal(("csharp", true), (block.Language, block.IsFragment));
        Assert.False(new CodeBlock("a.md", 1, "csharp", "").IsFragment);
    }

    [Fact]
    public void A_fence_indented_in_a_list_item_loses_that_indentation_and_a_longer_fence_holds_a_shorter_one()
    {
        var markdown = "- item\n\n  ````csharp\n  var s = \"\"\"\n  ```\n  \"\"\";\n  ````\n";

        var block = Assert.Single(MarkdownCodeBlocks.Read("a.md", markdown));

        Assert.Equal("var s = \"\"\"\n```\n\"\"\";", block.Code);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var block = Assert.Single(MarkdownCodeBlocks.Read("a.md", "```csharp\r\nvar a = 1;\r\nvar b = 2;\r\n```\r\n"));

        Assert.Equal("var a = 1;\nvar b = 2;", block.Code);
    }

    [Fact]
    public void An_unclosed_fence_is_an_error_naming_the_file_and_line()
    {
        var error = Assert.Throws<FormatException>(() => MarkdownCodeBlocks.Read("docs/x.md", "text\n```csharp\nvar x = 1;\n"));

        Assert.StartsWith("docs/x.md:2:", error.Message, StringComparison.Ordinal);
    }
}
