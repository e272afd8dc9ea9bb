using LineCrm.Segmentation.Ingestion;
using static LineCrm.Segmentation.Tests.Ingestion.GeneratedTextReader;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary><see cref="LineReader"/> splits lines exactly as <see cref="TextReader.ReadLineAsync(CancellationToken)"/> does, up to its limit.</summary>
public sealed class LineReaderTests
{
    private static async Task<List<string?>> Lines(TextReader text, int limit)
    {
        var reader = new LineReader(text, limit);
        var lines = new List<string?>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(lines.Count + 1, reader.LineNumber);
            Assert.Equal(reader.Line is null, reader.TooLong);
            lines.Add(reader.Line);
        }

        return lines;
    }

    private static async Task<List<string?>> ReadLines(string text)
    {
        var reader = new StringReader(text);
        var lines = new List<string?>();
        while (await reader.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\r\nb\rc\n\nd")]
    [InlineData("\r\n\r\n")]
    [InlineData("\n\r")]
    [InlineData("a\r\r\nb")]
    public async Task Splits_as_ReadLineAsync_does(string text) => Assert.Equal(await ReadLines(text), await Lines(new StringReader(text), 100));

    [Fact]
    public async Task A_crlf_split_across_two_chunks_ends_one_line()
    {
        var text = new string('x', 16 * 1024 - 1) + "\r\ny";

        Assert.Equal(await ReadLines(text), await Lines(new StringReader(text), 20_000));
    }

    [Fact]
    public async Task A_line_is_kept_up_to_the_limit_and_dropped_past_it_even_across_chunks()
    {
        var lines = await Lines(new GeneratedTextReader(Repeated('a', 40_000), Text("\n"), Repeated('b', 40_001), Text("\nend")), 40_000);

        Assert.Equal([new string('a', 40_000), null, "end"], lines);
    }

    [Fact]
    public async Task A_last_line_past_the_limit_without_a_newline_is_too_long()
        => Assert.Equal(["ok", null], await Lines(new StringReader("ok\n12345"), 4));
}
