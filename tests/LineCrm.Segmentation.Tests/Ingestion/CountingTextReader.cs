namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>A text reader over a string that counts the characters it has handed out, whichever way it is read.</summary>
internal sealed class CountingTextReader(string text) : TextReader
{
    private readonly StringReader _inner = new(text);

    /// <summary>Characters handed out so far.</summary>
    public long Consumed { get; private set; }

    public int Length => text.Length;

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        var c = _inner.Read();
        Consumed += c < 0 ? 0 : 1;
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Count(_inner.Read(buffer, index, count));

    public override int Read(Span<char> buffer) => Count(_inner.Read(buffer));

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    public override string? ReadLine() => Counted(_inner.ReadLine());

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());

    public override string ReadToEnd() => Counted(_inner.ReadToEnd())!;

    public override Task<string> ReadToEndAsync() => Task.FromResult(ReadToEnd());

    public override Task<string> ReadToEndAsync(CancellationToken cancellationToken) => Task.FromResult(ReadToEnd());

    private int Count(int read)
    {
        Consumed += read;
        return read;
    }

    private string? Counted(string? line)
    {
        Consumed += line?.Length ?? 0;
        return line;
    }
}
